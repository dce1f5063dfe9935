package herald.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of questions and sentences, remembered for a while: one question is embedded for retrieval
 * and again for choosing the sentence to quote, and the same passages' sentences are scored for many
 * questions. A model call costs milliseconds; a hit costs nothing.
 */
@ApplicationScoped
public class CachedEmbeddings {

    /** About 6 MB of vectors (384 floats each): the sentences of a few thousand passages. */
    private static final int CAPACITY = 4096;

    private final EmbeddingModel model;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    public CachedEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** The texts' vectors in order; only those not remembered go to the model, in one call. */
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (String text : texts) {
                if (!recent.containsKey(text) && !missing.contains(text)) {
                    missing.add(text);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = model.embedAll(missing.stream().map(TextSegment::from).toList())
                    .content().stream().map(e -> e.vector()).toList();
            synchronized (recent) {
                for (int i = 0; i < missing.size(); i++) {
                    recent.put(missing.get(i), computed.get(i));
                }
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        synchronized (recent) {
            for (String text : texts) {
                float[] v = recent.get(text);
                // evicted between the two steps by a burst of other requests: compute it again
                vectors.add(v != null ? v : model.embed(text).content().vector());
            }
        }
        return vectors;
    }
}

package herald.index;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The in-process embedding model: bge-small-en-v1.5, quantized, shipped inside its jar (384 dimensions). */
public class EmbeddingModelProducer {

    public static final int DIMENSIONS = 384;

    @Produces
    @Singleton
    EmbeddingModel embeddingModel() {
        return new BgeSmallEnV15QuantizedEmbeddingModel();
    }
}

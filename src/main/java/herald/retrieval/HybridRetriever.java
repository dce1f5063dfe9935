package herald.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import herald.config.HeraldConfig;
import herald.config.HeraldConfig.Retrieval.Fusion;
import herald.index.IndexedPassage;
import herald.index.PassageIndex;
import herald.index.ScoredPassage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the passages that answer a question by fusing a BM25 ranking (exact names, dates, numbers)
 * with a vector ranking (paraphrases). Which fusion is used is a setting: a weighted blend of the two
 * rankings' normalised scores is the default, as it ranked the gold passage first more often than
 * reciprocal rank fusion on Herald's labelled set (docs/quality.md).
 */
@ApplicationScoped
public class HybridRetriever implements ContentRetriever {

    /** The usual RRF constant: damps the head of each ranking so neither ranker dominates. */
    private static final int RRF_K = 60;

    private final PassageIndex index;
    private final CachedEmbeddings embeddings;
    private final HeraldConfig.Retrieval settings;

    public HybridRetriever(PassageIndex index, CachedEmbeddings embeddings, HeraldConfig config) {
        this.index = index;
        this.embeddings = embeddings;
        this.settings = config.retrieval();
    }

    public List<RetrievedPassage> retrieve(String question) {
        return retrieve(question, settings.topK(), settings.fusion());
    }

    public List<RetrievedPassage> retrieve(String question, int topK, Fusion fusion) {
        float[] queryVector = embedQuestion(question);
        int candidates = Math.max(settings.candidates(), topK);
        List<ScoredPassage> lexical = fusion == Fusion.VECTOR ? List.of() : index.bm25(question, candidates);
        List<ScoredPassage> semantic = index.nearest(queryVector, candidates, Math.max(100, candidates));
        Map<String, Double> cosine = new HashMap<>();
        semantic.forEach(s -> cosine.put(s.passage().passageId(), s.score()));

        Map<String, Double> fused = switch (fusion) {
            case RRF -> reciprocalRank(lexical, semantic);
            case WEIGHTED -> weightedBlend(lexical, semantic, settings.vectorWeight());
            case BM25 -> reciprocalRank(lexical, List.of());
            case VECTOR -> reciprocalRank(List.of(), semantic);
        };
        Map<String, IndexedPassage> byId = new LinkedHashMap<>();
        lexical.forEach(s -> byId.put(s.passage().passageId(), s.passage()));
        semantic.forEach(s -> byId.putIfAbsent(s.passage().passageId(), s.passage()));

        List<RetrievedPassage> ranked = new ArrayList<>();
        fused.forEach((id, score) -> ranked.add(new RetrievedPassage(byId.get(id), score,
                cosine.getOrDefault(id, Double.NaN))));
        ranked.sort(Comparator.comparingDouble(RetrievedPassage::score).reversed());
        List<RetrievedPassage> top = ranked.subList(0, Math.min(topK, ranked.size()));
        return top.stream().map(r -> Double.isNaN(r.cosine())
                ? new RetrievedPassage(r.passage(), r.score(), cosineOf(queryVector, r.passage())) : r).toList();
    }

    /** The question's embedding, with the instruction bge-small expects on queries. */
    public float[] embedQuestion(String question) {
        return embeddings.embed(settings.queryInstruction() + question);
    }

    /**
     * A passage that BM25 found but HNSW did not return still gets a true cosine, for thresholds: from the
     * vector stored at ingestion, which is the embedding of the same text, rather than a model call per passage.
     */
    private double cosineOf(float[] queryVector, IndexedPassage passage) {
        float[] v = index.vectorOf(passage.documentId(), passage.ordinal())
                .orElseGet(() -> embeddings.embed(passage.title() + "\n" + passage.text()));
        return cosine(queryVector, v);
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static Map<String, Double> reciprocalRank(List<ScoredPassage> lexical, List<ScoredPassage> semantic) {
        Map<String, Double> fused = new HashMap<>();
        for (List<ScoredPassage> ranking : List.of(lexical, semantic)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).passage().passageId(), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        return fused;
    }

    /** Each ranking's scores scaled to [0, 1] by its best score, then mixed. */
    static Map<String, Double> weightedBlend(List<ScoredPassage> lexical, List<ScoredPassage> semantic, double vectorWeight) {
        Map<String, Double> fused = new HashMap<>();
        double maxLexical = lexical.stream().mapToDouble(ScoredPassage::score).max().orElse(1);
        for (ScoredPassage s : lexical) {
            fused.merge(s.passage().passageId(), (1 - vectorWeight) * s.score() / maxLexical, Double::sum);
        }
        double minSemantic = semantic.stream().mapToDouble(ScoredPassage::score).min().orElse(0);
        double maxSemantic = semantic.stream().mapToDouble(ScoredPassage::score).max().orElse(1);
        double span = Math.max(1e-9, maxSemantic - minSemantic);
        for (ScoredPassage s : semantic) {
            fused.merge(s.passage().passageId(), vectorWeight * (s.score() - minSemantic) / span, Double::sum);
        }
        return fused;
    }

    /** LangChain4j's retrieval interface, so Herald's retriever plugs into any LangChain4j RAG pipeline. */
    @Override
    public List<Content> retrieve(Query query) {
        return retrieve(query.text()).stream().map(r -> {
            IndexedPassage p = r.passage();
            Metadata metadata = new Metadata()
                    .put("documentId", p.documentId())
                    .put("title", p.title())
                    .put("ordinal", p.ordinal());
            if (p.publishedAt() != null) {
                metadata.put("publishedAt", p.publishedAt().toString());
            }
            return Content.from(TextSegment.from(p.text(), metadata));
        }).toList();
    }
}

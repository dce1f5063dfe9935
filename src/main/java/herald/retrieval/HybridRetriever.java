package herald.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import herald.config.HeraldConfig;
import herald.config.HeraldConfig.Retrieval.Fusion;
import herald.index.IndexedPassage;
import herald.index.PassageFilter;
import herald.index.PassageIndex;
import herald.index.ScoredPassage;
import herald.index.TextSearch;
import herald.index.VectorSearch;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

    /**
     * For "latest" questions: how much the newest relevant article gains over the oldest, in fused-score units
     * (scaled by the best score). Half the best: the newest passage scoring at least {@link #RELEVANT_SHARE} of
     * the best comes first; passages below that share are never lifted.
     */
    static final double RECENCY_WEIGHT = 0.5;
    /** A passage scoring at least this share of the best is relevant enough for recency to reorder it. */
    static final double RELEVANT_SHARE = 0.6;
    /**
     * Two passages of different articles within this share of the best score answer equally: the newer leads.
     * Half a percent: the weighted blend puts unrelated passages within 5 % of each other, and a 5 % tie let a
     * Kazakhstan passage pass the bundled article's answer to "When did Putin's current term begin?".
     */
    static final double TIE_SHARE = 0.005;

    private final PassageIndex index;
    private final CachedEmbeddings embeddings;
    private final HeraldConfig.Retrieval settings;
    private final HeraldConfig.Answer answerSettings;
    private final Clock clock;

    public HybridRetriever(PassageIndex index, CachedEmbeddings embeddings, HeraldConfig config, Clock clock) {
        this.index = index;
        this.embeddings = embeddings;
        this.settings = config.retrieval();
        this.answerSettings = config.answer();
        this.clock = clock;
    }

    /**
     * The passages for a question, its time words applied (see {@link TimeWords}).
     *
     * @param passages       the passages to answer from; empty when the question's window holds nothing relevant
     * @param time           what the question says about time
     * @param newestRelevant when the window holds nothing relevant: the newest relevant passage outside it, if any
     * @param laterReports   the passages come from the period's later window (articles published after it began),
     *                       not from the period itself
     */
    public record Retrieval(List<RetrievedPassage> passages, TimeWords time, RetrievedPassage newestRelevant, boolean laterReports) {
        /** The question named a time window and nothing relevant was published in it. */
        public boolean windowEmpty() {
            return time.window() != null && passages.isEmpty();
        }

        /**
         * The question's time words when every passage was published within its window, so that a quote need not
         * repeat "in 2022"; null when there is no window, or when the passages are later reports, which must
         * themselves speak of the period.
         */
        public TimeWords appliedWindow() {
            return time.window() == null || laterReports ? null : time;
        }
    }

    public Retrieval search(String question) {
        TimeWords time = TimeWords.of(question, LocalDate.now(clock));
        double minRelevance = answerSettings.minRelevance();
        if (time.window() == null) {
            return new Retrieval(retrieve(question, settings.topK(), settings.fusion(), PassageFilter.ANY, time.prefersRecent()), time, null, false);
        }
        List<RetrievedPassage> within = retrieve(time.searchText(), settings.topK(), settings.fusion(), time.window(), time.prefersRecent());
        if (within.stream().anyMatch(r -> r.cosine() >= minRelevance)) {
            return new Retrieval(within, time, null, false);
        }
        if (time.laterWindow() != null) {
            List<RetrievedPassage> later = retrieve(time.searchText(), settings.topK(), settings.fusion(), time.laterWindow(), time.prefersRecent());
            if (later.stream().anyMatch(r -> r.cosine() >= minRelevance)) {
                return new Retrieval(later, time, null, true);
            }
        }
        RetrievedPassage newest = retrieve(time.searchText(), settings.topK(), settings.fusion(), PassageFilter.ANY, false).stream()
                .filter(r -> r.cosine() >= minRelevance && r.passage().publishedAt() != null)
                .max(Comparator.comparing((RetrievedPassage r) -> r.passage().publishedAt()))
                .orElse(null);
        return new Retrieval(List.of(), time, newest, false);
    }

    public List<RetrievedPassage> retrieve(String question) {
        return retrieve(question, settings.topK(), settings.fusion());
    }

    public List<RetrievedPassage> retrieve(String question, int topK, Fusion fusion) {
        return retrieve(question, topK, fusion, PassageFilter.ANY, false);
    }

    private List<RetrievedPassage> retrieve(String question, int topK, Fusion fusion, PassageFilter filter, boolean prefersRecent) {
        float[] queryVector = embedQuestion(question);
        int candidates = Math.max(settings.candidates(), topK);
        List<ScoredPassage> lexical = fusion == Fusion.VECTOR ? List.of()
                : index.bm25(TextSearch.of(question, candidates).within(filter));
        List<ScoredPassage> semantic = index.nearest(VectorSearch.of(queryVector, candidates, Math.max(100, candidates)).within(filter));
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
        List<RetrievedPassage> ordered = prefersRecent ? preferRecent(ranked) : newerFirstAmongEquals(ranked);
        List<RetrievedPassage> top = ordered.subList(0, Math.min(topK, ordered.size()));
        return top.stream().map(r -> Double.isNaN(r.cosine())
                ? new RetrievedPassage(r.passage(), r.score(), cosineOf(queryVector, r.passage())) : r).toList();
    }

    /**
     * Reorders a ranking for a "latest" question: each relevant passage (scoring at least {@link #RELEVANT_SHARE}
     * of the best) gains up to {@link #RECENCY_WEIGHT} by its article's date, newest most.
     */
    static List<RetrievedPassage> preferRecent(List<RetrievedPassage> ranked) {
        if (ranked.isEmpty()) {
            return ranked;
        }
        double best = ranked.get(0).score();
        Predicate<RetrievedPassage> isRelevant = r -> r.score() >= RELEVANT_SHARE * best && r.passage().publishedAt() != null;
        List<RetrievedPassage> relevant = ranked.stream().filter(isRelevant).toList();
        long oldest = relevant.stream().mapToLong(r -> r.passage().publishedAt().toEpochDay()).min().orElse(0);
        long newest = relevant.stream().mapToLong(r -> r.passage().publishedAt().toEpochDay()).max().orElse(0);
        if (newest == oldest) {
            return ranked;
        }
        List<RetrievedPassage> boosted = new ArrayList<>();
        for (RetrievedPassage r : ranked) {
            double gain = isRelevant.test(r)
                    ? RECENCY_WEIGHT * best * (r.passage().publishedAt().toEpochDay() - oldest) / (double) (newest - oldest) : 0;
            boosted.add(new RetrievedPassage(r.passage(), r.score() + gain, r.cosine()));
        }
        boosted.sort(Comparator.comparingDouble(RetrievedPassage::score).reversed());
        return boosted;
    }

    /**
     * When two passages of different articles answer equally well (within {@link #TIE_SHARE} of the best score),
     * the newer article's goes first: an "arrived" report leads the "will visit" one it supersedes.
     */
    static List<RetrievedPassage> newerFirstAmongEquals(List<RetrievedPassage> ranked) {
        if (ranked.size() < 2) {
            return ranked;
        }
        List<RetrievedPassage> ordered = new ArrayList<>(ranked);
        double margin = TIE_SHARE * Math.abs(ordered.get(0).score());
        for (int i = 0; i + 1 < ordered.size(); i++) {
            RetrievedPassage a = ordered.get(i);
            RetrievedPassage b = ordered.get(i + 1);
            LocalDate da = a.passage().publishedAt();
            LocalDate db = b.passage().publishedAt();
            if (da != null && db != null && db.isAfter(da) && !a.passage().documentId().equals(b.passage().documentId())
                    && a.score() - b.score() <= margin) {
                ordered.set(i, b);
                ordered.set(i + 1, a);
            }
        }
        return ordered;
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
            if (p.url() != null) {
                metadata.put("url", p.url());
            }
            if (p.updatedAt() != null) {
                metadata.put("updatedAt", p.updatedAt().toString());
            }
            return Content.from(TextSegment.from(p.text(), metadata));
        }).toList();
    }
}

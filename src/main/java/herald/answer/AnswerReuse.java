package herald.answer;

import herald.config.HeraldConfig;
import herald.ingest.ArticleChanged;
import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reuses an LLM answer for a question already answered: within {@code herald.answer.cache-ttl}, when the
 * retrieved passages are the same and the standalone questions are the same once normalised, or close in
 * embedding and asking about the same things (see {@link #sameQuestion}). A changed article drops every
 * answer that rests on it.
 */
@ApplicationScoped
public class AnswerReuse {

    /**
     * Words that carry no subject of their own; what is left (names, verbs, numbers, "not", "first", and the
     * question word: "when" and "why" want different answers) decides whether two questions ask the same.
     */
    private static final Set<String> FILLER = Set.of(("a an and as at be been by can could for from has have "
            + "i in into it its me of on or please tell the this that to with about go goes gone let us you your")
            .split(" "));
    /** Tense changes the answer ("does" and "did" ask about different visits): each word stands for its tense. */
    private static final Map<String, String> TENSE = Map.ofEntries(
            Map.entry("did", "~past"), Map.entry("was", "~past"), Map.entry("were", "~past"),
            Map.entry("had", "~past"), Map.entry("will", "~future"), Map.entry("shall", "~future"),
            Map.entry("does", "~future"), Map.entry("do", "~future"), Map.entry("is", "~future"),
            Map.entry("are", "~future"), Map.entry("going", "~future"));

    private final AnswerCache cache;
    private final HybridRetriever retriever;
    private final HeraldConfig.Answer settings;
    private final Clock clock;
    private final MeterRegistry metrics;

    public AnswerReuse(AnswerCache cache, HybridRetriever retriever, HeraldConfig config, Clock clock, MeterRegistry metrics) {
        this.cache = cache;
        this.retriever = retriever;
        this.settings = config.answer();
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A copy of an earlier answer to this question on these passages, for this conversation, marked cached. */
    public Optional<Answer> find(String standalone, List<RetrievedPassage> retrieved, String conversationId) {
        if (settings.cacheTtl().isZero() || retrieved.isEmpty()) {
            return Optional.empty();
        }
        List<CachedAnswer> candidates = cache.onPassages(passagesKey(retrieved));
        Optional<Answer> found = Optional.empty();
        if (!candidates.isEmpty()) {
            String normalised = normalise(standalone);
            float[] vector = retriever.embedQuestion(standalone);
            for (int i = candidates.size() - 1; i >= 0 && found.isEmpty(); i--) {
                CachedAnswer c = candidates.get(i);
                if (sameQuestion(normalised, vector, c.question(), c.questionVector(), settings.cacheSimilarity())) {
                    Answer a = c.answer();
                    found = Optional.of(new Answer(UUID.randomUUID().toString(), a.answer(), conversationId, a.mode(), a.reason(),
                            true, a.sources()));
                }
            }
        }
        metrics.counter("herald.answer.cache", "result", found.isPresent() ? "hit" : "miss").increment();
        return found;
    }

    /** Keeps an LLM answer for the next reader who asks the same. */
    public void remember(String standalone, List<RetrievedPassage> retrieved, Answer answer) {
        if (settings.cacheTtl().isZero() || retrieved.isEmpty()) {
            return;
        }
        Set<String> documents = retrieved.stream().map(r -> r.passage().documentId()).collect(Collectors.toCollection(LinkedHashSet::new));
        cache.put(new CachedAnswer(passagesKey(retrieved), normalise(standalone), retriever.embedQuestion(standalone), documents,
                answer, clock.instant().plus(settings.cacheTtl())));
    }

    void articleChanged(@Observes ArticleChanged change) {
        cache.forgetArticle(change.articleId());
    }

    /**
     * Equal once normalised; or embeddings at least {@code threshold} alike and the same subject words and
     * tense, since an embedding alone finds "visit Vietnam" and "visit North Korea" nearly the same.
     */
    static boolean sameQuestion(String normalisedA, float[] vectorA, String normalisedB, float[] vectorB, double threshold) {
        if (normalisedA.equals(normalisedB)) {
            return true;
        }
        return HybridRetriever.cosine(vectorA, vectorB) >= threshold && subject(normalisedA).equals(subject(normalisedB));
    }

    /** Lower case, curly quotes straightened, punctuation and repeated spaces gone. */
    static String normalise(String question) {
        return question.toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("'s\\b", "").replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** The words that say what is asked about, crudely stemmed, with tense markers; filler left out. */
    static Set<String> subject(String normalised) {
        Set<String> words = new TreeSet<>();
        for (String w : normalised.split(" ")) {
            if (TENSE.containsKey(w)) {
                words.add(TENSE.get(w));
            } else if (!FILLER.contains(w) && !w.isEmpty()) {
                words.add(stem(w));
            }
        }
        return words;
    }

    /** visiting, visits → visit: enough to see two wordings of one question, not a real stemmer. */
    private static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    private static String passagesKey(List<RetrievedPassage> retrieved) {
        return retrieved.stream().map(r -> r.passage().documentId() + "#" + r.passage().ordinal()).collect(Collectors.joining(","));
    }
}

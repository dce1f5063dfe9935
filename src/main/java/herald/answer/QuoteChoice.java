package herald.answer;

import herald.config.HeraldConfig;
import herald.retrieval.RetrievedPassage;
import herald.retrieval.TimeWords;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Chooses the sentences to quote from the ranked ones, or none when a refusal rule objects to the choice. */
final class QuoteChoice {

    // the category of the answerer this serves: one quote's debug trace reads in one place
    private static final Logger LOG = Logger.getLogger(RetrievalOnlyAnswerer.class);

    /** A second sentence is quoted only when it scores nearly as well as the best. */
    private static final double SECOND_SENTENCE_MARGIN = 0.06;

    private final HeraldConfig.Answer settings;
    private final RefusalEvidence evidence;

    QuoteChoice(TermAnalysis terms, HeraldConfig.Answer settings) {
        this.settings = settings;
        this.evidence = new RefusalEvidence(terms);
    }

    /**
     * The sentences to quote, best first; empty when the refusal rules would rather say the articles do not say.
     *
     * @param ranked the scored sentences, best first
     */
    Optional<List<ScoredSentence>> choose(String question, String standalone, Map<String, Double> questionTerms,
                                          List<ScoredSentence> ranked, List<RetrievedPassage> passages, PassageTerms passageTerms) {
        List<ScoredSentence> chosen = null;
        if (TimeWords.prefersRecent(question)) {
            // "latest": the quote comes from the newest article that is about the question, even when an older
            // one holds more of its words; should that article's best sentence not pass the rules, the usual choice
            chosen = newestRelevantDay(questionTerms, passages, passageTerms)
                    .map(day -> best(ranked.stream().filter(c -> day.equals(publishedAt(passages, c))).toList()))
                    .filter(c -> RefusalRule.firstRefusing(evidence.of(question, standalone, c, passages)).isEmpty())
                    .orElse(null);
        }
        if (chosen == null) {
            chosen = best(ranked);
            var refusal = RefusalRule.firstRefusing(evidence.of(question, standalone, chosen, passages));
            if (refusal.isPresent()) {
                LOG.debugf("'%s': refused by %s rather than quote: %s", standalone, refusal.get(), chosen.get(0).sentence());
                return Optional.empty();
            }
        }
        return Optional.of(chosen);
    }

    /** The best sentence, and the next ones scoring nearly as well, up to the quoted-sentence limit; null when none. */
    private List<ScoredSentence> best(List<ScoredSentence> ranked) {
        if (ranked.isEmpty()) {
            return null;
        }
        ScoredSentence best = ranked.get(0);
        List<ScoredSentence> chosen = new ArrayList<>(List.of(best));
        for (ScoredSentence c : ranked.subList(1, ranked.size())) {
            if (chosen.size() >= settings.maxQuotedSentences() || c.score() < best.score() - SECOND_SENTENCE_MARGIN) {
                break;
            }
            chosen.add(c);
        }
        return chosen;
    }

    /**
     * The publication day of the newest passage that is about the question (it holds at least
     * {@link RelevanceGate#MIN_COVERAGE} of the question's words and is as similar as a quote must be); empty when
     * the passages are all of one day or undated, where recency decides nothing.
     */
    private Optional<LocalDate> newestRelevantDay(Map<String, Double> questionTerms, List<RetrievedPassage> passages,
                                                  PassageTerms passageTerms) {
        if (passages.stream().map(p -> p.passage().publishedAt()).filter(Objects::nonNull).distinct().count() < 2) {
            return Optional.empty();
        }
        return passages.stream()
                .filter(p -> p.passage().publishedAt() != null && p.cosine() >= settings.minRelevance()
                        && TermAnalysis.coverage(questionTerms, passageTerms.asWritten(p)) >= RelevanceGate.MIN_COVERAGE)
                .map(p -> p.passage().publishedAt())
                .max(Comparator.naturalOrder());
    }

    private static LocalDate publishedAt(List<RetrievedPassage> passages, ScoredSentence c) {
        return passages.get(c.citation() - 1).passage().publishedAt();
    }
}

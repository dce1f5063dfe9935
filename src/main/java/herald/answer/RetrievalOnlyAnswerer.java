package herald.answer;

import herald.config.HeraldConfig;
import herald.index.PassageIndex;
import herald.retrieval.CachedEmbeddings;
import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers without an LLM by quoting the sentence (or two) of the retrieved passages that best answer the
 * question, each with its citation; or says the articles do not say when nothing is relevant enough.
 * A sentence is judged by its embedding's similarity to the question, by how many of the question's
 * words it holds, and by whether it holds the kind of thing asked for (a date for "when", a number for
 * "how many").
 */
@ApplicationScoped
public class RetrievalOnlyAnswerer {

    public static final String REFUSAL = "The ingested articles do not say.";

    private final TermAnalysis terms;
    private final RelevanceGate relevance;
    private final SentenceScorer scorer;
    private final QuoteChoice choice;

    public RetrievalOnlyAnswerer(PassageIndex index, HybridRetriever retriever, CachedEmbeddings embeddings, HeraldConfig config) {
        HeraldConfig.Answer settings = config.answer();
        this.terms = new TermAnalysis(index);
        this.relevance = new RelevanceGate(terms, settings);
        this.scorer = new SentenceScorer(retriever, embeddings, terms);
        this.choice = new QuoteChoice(terms, settings);
    }

    /** A quoted answer: its text, and whether it is the refusal. */
    public record Quote(String text, boolean refused) {
    }

    /**
     * @param question   the question as asked
     * @param standalone the question with its conversation folded in (equal to question without history)
     * @param passages   the retrieved passages, in citation order
     */
    public Quote answer(String question, String standalone, List<RetrievedPassage> passages) {
        return answer(question, standalone, passages, Set.of());
    }

    /** The quote as a whole answer, saying why it is not the LLM's; it lists every retrieved passage as a source. */
    Answer quote(AskedQuestion asked, AnswerReason reason) {
        AskedQuestion evidence = asked.withoutAppliedWindow();
        Quote quote = answer(evidence.question(), evidence.standalone(), asked.retrieved(), asked.previousDocuments());
        // a refusal still shows what was searched, so the reader can judge the refusal
        List<Source> sources = asked.retrieved().stream().map(Source::of).toList();
        return Answer.of(quote.text(), asked.conversationId(), AnswerMode.RETRIEVAL_ONLY, reason, sources);
    }

    /**
     * The question's time window holds nothing relevant: say so, and name (and cite) the newest relevant article
     * outside it, rather than answer "last week" from old news.
     */
    Answer nothingInWindow(String conversationId, HybridRetriever.Retrieval retrieval) {
        RetrievedPassage newest = retrieval.newestRelevant();
        List<Source> sources = newest == null ? List.of() : List.of(Source.of(newest));
        return Answer.of(QuoteText.nothingInWindow(retrieval), conversationId, AnswerMode.RETRIEVAL_ONLY,
                AnswerReason.NOTHING_IN_WINDOW, sources);
    }

    /** @param conversationDocuments articles the previous answer cited: a follow-up most likely asks about them */
    public Quote answer(String question, String standalone, List<RetrievedPassage> passages, Set<String> conversationDocuments) {
        if (passages.isEmpty()) {
            return refusal();
        }
        Map<String, Double> questionTerms = terms.questionTerms(question, standalone);
        // each passage's text is analysed once for the question, however many of the steps below read it
        PassageTerms passageTerms = new PassageTerms(terms);
        if (questionTerms.isEmpty() || !relevance.anyPassageAbout(question, standalone, passages, passageTerms)) {
            return refusal();
        }
        List<ScoredSentence> ranked = scorer.rank(question, standalone, questionTerms, passages, conversationDocuments);
        return choice.choose(question, standalone, questionTerms, ranked, passages, passageTerms)
                .map(chosen -> new Quote(QuoteText.of(chosen, passages), false))
                .orElseGet(RetrievalOnlyAnswerer::refusal);
    }

    private static Quote refusal() {
        return new Quote(REFUSAL, true);
    }
}

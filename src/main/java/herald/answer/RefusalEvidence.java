package herald.answer;

import herald.retrieval.RetrievedPassage;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds what the {@link RefusalRule}s judge for a chosen quote: its sentences and the passages they come from. */
final class RefusalEvidence {

    // the category of the answerer this serves: one quote's debug trace reads in one place
    private static final Logger LOG = Logger.getLogger(RetrievalOnlyAnswerer.class);

    private final TermAnalysis terms;

    RefusalEvidence(TermAnalysis terms) {
        this.terms = terms;
    }

    /** @param chosen the sentences to be quoted, best first */
    QuoteEvidence of(String question, String standalone, List<ScoredSentence> chosen, List<RetrievedPassage> passages) {
        ScoredSentence best = chosen.get(0);
        StringBuilder sentences = new StringBuilder();
        Set<Integer> cited = new LinkedHashSet<>();
        for (ScoredSentence c : chosen) {
            sentences.append(sentences.length() == 0 ? "" : " ").append(c.sentence());
            cited.add(c.citation());
        }
        StringBuilder text = new StringBuilder();
        for (int n : cited) {
            var p = passages.get(n - 1).passage();
            text.append(p.title()).append('\n').append(p.text()).append("\n\n");
        }
        QuoteEvidence e = new QuoteEvidence(question, standalone, sentences.toString(), text.toString(),
                passages.get(best.citation() - 1).passage().publishedAt(), best.similarity(), terms::terms, terms.framing());
        if (LOG.isDebugEnabled()) {
            StringBuilder verdicts = new StringBuilder();
            for (RefusalRule r : RefusalRule.values()) {
                verdicts.append(r.refuses(e) ? r.name() + " " : "");
            }
            LOG.debugf("EVIDENCE|%s|%s|%.3f|%.2f|%.2f|sf %.2f|sn %.2f|%s|%s|%s", question, e.type(), e.similarity(),
                    e.share(e.focusTerms(), e.passage()), e.nameShare(), e.share(e.focusTerms(), e.sentence()), e.sentenceNameShare(),
                    e.focusTerms() + " " + e.nameTerms(), verdicts, e.sentence());
        }
        return e;
    }
}

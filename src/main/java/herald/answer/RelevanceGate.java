package herald.answer;

import herald.config.HeraldConfig;
import herald.retrieval.RetrievedPassage;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether any retrieved passage is about the question at all, judged before a single sentence is scored. */
final class RelevanceGate {

    // the category of the answerer this serves: one quote's debug trace reads in one place
    private static final Logger LOG = Logger.getLogger(RetrievalOnlyAnswerer.class);

    /** Below this share of the question's words found in the passage, the passage is about something else. */
    static final double MIN_COVERAGE = 0.5;
    /** A capitalised word that does not start a sentence: a name. */
    private static final Pattern PROPER_NOUN = Pattern.compile("(?<=[^.?!\\s]\\s{1,3})([A-Z][\\p{L}'’.-]+|[A-Z]{2,})");

    private final TermAnalysis terms;
    private final HeraldConfig.Answer settings;

    RelevanceGate(TermAnalysis terms, HeraldConfig.Answer settings) {
        this.terms = terms;
        this.settings = settings;
    }

    /**
     * True when the passages name everything the question names, and one of them holds at least
     * {@link #MIN_COVERAGE} of its topic words while one is as similar to it as a quote must be.
     */
    boolean anyPassageAbout(String question, String standalone, List<RetrievedPassage> passages, PassageTerms passageTerms) {
        if (mentionsUnknownName(standalone, passages, passageTerms)) {
            return false;
        }
        Map<String, Double> topicTerms = terms.topicTerms(question, standalone);
        double bestCoverage = passages.stream()
                .mapToDouble(p -> TermAnalysis.coverage(topicTerms, passageTerms.withCountryNames(p)))
                .max().orElse(0);
        double bestCosine = passages.stream().mapToDouble(RetrievedPassage::cosine).max().orElse(0);
        LOG.debugf("'%s': coverage %.2f, cosine %.3f, terms %s", standalone, bestCoverage, bestCosine, topicTerms);
        boolean offTopic = bestCoverage < MIN_COVERAGE || bestCosine < settings.minRelevance();
        return !offTopic;
    }

    /**
     * A name the question asks about (France, Macron) that no retrieved passage holds means the articles
     * are about something else, however similar the rest of the question is.
     */
    private boolean mentionsUnknownName(String question, List<RetrievedPassage> passages, PassageTerms passageTerms) {
        Set<String> known = new HashSet<>();
        passages.forEach(p -> known.addAll(passageTerms.withCountryNames(p)));
        Matcher m = PROPER_NOUN.matcher(question.strip());
        while (m.find()) {
            Set<String> nameTerms = terms.terms(TermAnalysis.countryNames(m.group(1)));
            nameTerms.removeAll(terms.framing());
            if (!nameTerms.isEmpty() && !known.containsAll(nameTerms)) {
                return true;
            }
        }
        return false;
    }
}

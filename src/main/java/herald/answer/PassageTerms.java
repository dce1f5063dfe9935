package herald.answer;

import herald.retrieval.RetrievedPassage;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One question's cache of its retrieved passages' terms, so each passage's title and text is analysed once
 * per question however many steps read it (the relevance gate, the unknown-name check, the "latest" choice).
 */
final class PassageTerms {

    private final TermAnalysis analysis;
    // keyed by identity: the cache lives for one question's list of passages, never beyond it
    private final Map<RetrievedPassage, Set<String>> withCountryNames = new IdentityHashMap<>();
    private final Map<RetrievedPassage, Set<String>> asWritten = new IdentityHashMap<>();

    PassageTerms(TermAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The passage's terms with each people's name read as its country's, as the relevance gate compares them. */
    Set<String> withCountryNames(RetrievedPassage p) {
        return withCountryNames.computeIfAbsent(p,
                k -> Collections.unmodifiableSet(analysis.terms(TermAnalysis.countryNames(titleAndText(k)))));
    }

    /**
     * The passage's terms as written. Not the same as {@link #withCountryNames}: the "latest" choice compares
     * them with the question's own terms, whose people's names are not read as countries.
     */
    Set<String> asWritten(RetrievedPassage p) {
        return asWritten.computeIfAbsent(p, k -> Collections.unmodifiableSet(analysis.terms(titleAndText(k))));
    }

    private static String titleAndText(RetrievedPassage p) {
        return p.passage().title() + " " + p.passage().text();
    }
}

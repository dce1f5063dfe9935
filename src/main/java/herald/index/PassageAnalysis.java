package herald.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text analysis of passages and questions, one for both engines: Lucene's English analyzer (standard
 * tokenizer, possessives, lower case, English stop words, Porter stemming). Solr's schema names the same class.
 */
public final class PassageAnalysis {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    /**
     * Terms in one BM25 query, each giving two clauses (text and title): far under the limit of 1,024 clauses
     * Lucene and Solr share, and far over the dozen a real question has. Engines keep the rarest ones.
     */
    public static final int MAX_QUERY_TERMS = 64;

    private PassageAnalysis() {
    }

    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /**
     * The terms a BM25 query keeps, as both engines choose them: those found in some passage, rarest first, at
     * most {@link #MAX_QUERY_TERMS}, so a long question keeps its most discriminating words. Ties keep the
     * question's order.
     *
     * @param documentFrequencies each of the question's terms, in order of first appearance, with the number of
     *                            passages (text or title) holding it
     */
    public static List<String> rarest(Map<String, Integer> documentFrequencies) {
        List<Map.Entry<String, Integer>> found = new ArrayList<>();
        for (Map.Entry<String, Integer> term : documentFrequencies.entrySet()) {
            if (term.getValue() > 0) {
                found.add(term);
            }
        }
        found.sort(Map.Entry.comparingByValue());
        return found.stream().limit(MAX_QUERY_TERMS).map(Map.Entry::getKey).toList();
    }

    /** The analyzer's terms for a text, each once, in order of first appearance. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}

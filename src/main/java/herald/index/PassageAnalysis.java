package herald.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
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

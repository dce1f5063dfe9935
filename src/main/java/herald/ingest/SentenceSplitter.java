package herald.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences. A regular expression with an abbreviation guard is enough for news
 * prose and, unlike {@link java.text.BreakIterator}, keeps "U.S. officials" and "Mr. Lam" whole.
 */
public final class SentenceSplitter {

    /**
     * Bounded, possessive runs: with open-ended ones a line of a million dots made every start position scan
     * to the end of the run, which is quadratic.
     */
    private static final Pattern BOUNDARY = Pattern.compile("[.!?…]{1,8}+[\"”’')\\]]{0,4}+\\s{1,8}+(?=[\"“‘(\\[]?[\\p{Lu}\\p{N}])");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "rep", "sen", "gov", "pres", "jr", "sr",
            "u.s", "u.k", "u.n", "e.u", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "approx", "est");

    private SentenceSplitter() {
    }

    /** Sentences of the text; paragraph breaks always end a sentence. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n|\\n")) {
            splitParagraph(paragraph.strip(), sentences);
        }
        return sentences;
    }

    private static void splitParagraph(String paragraph, List<String> out) {
        if (paragraph.isEmpty()) {
            return;
        }
        Matcher m = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            int end = m.end();
            String candidate = paragraph.substring(start, end).strip();
            if (endsWithAbbreviation(paragraph, m.start())) {
                continue;
            }
            out.add(candidate);
            start = end;
        }
        String rest = paragraph.substring(start).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    private static boolean endsWithAbbreviation(String text, int periodIndex) {
        if (text.charAt(periodIndex) != '.') {
            return false;
        }
        int wordStart = periodIndex;
        // abbreviations are short: looking further back would only cost time on a giant "word"
        while (wordStart > 0 && periodIndex - wordStart < 12 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            return false;
        }
        String word = text.substring(wordStart, periodIndex).toLowerCase().replaceAll("^[\"“(]+", "");
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }
}

package herald.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quoted sentence cut into clauses, with the names each clause holds, so that a refusal rule can tell whom a
 * value or an act in the sentence belongs to: in "Mongolia, a country of 3.4 million people, borders China" the
 * count belongs to Mongolia. News prose hangs a value on a
 * name with a comma (an appositive, "a country of …") or a relative word ("where 1.6 million people live"), so
 * commas, semicolons, dashes, brackets and relative words end a clause. This is a reading of the punctuation,
 * not a parse: where it cannot tell, it says nothing, and the rules asking it then do not refuse.
 */
final class QuotedClauses {

    /**
     * A capitalised word that does not start a sentence, nor a line (a title's next line starts its text): a name
     * wherever it stands.
     */
    private static final Pattern MID_SENTENCE_NAME = Pattern.compile("(?<=[^.?!\\s][ \\t]{1,3})([A-Z][\\p{L}'’.-]+|[A-Z]{2,})");
    /** Words that open a clause of their own: what follows is said of the name before them. */
    private static final Set<String> CLAUSE_OPENERS = Set.of("who", "whom", "whose", "which", "where", "while", "whereas",
            "but", "although", "though");
    /**
     * A clause naming no one that starts like this describes the name before it: an appositive ("a country of
     * 3.4 million people") or a relative clause ("where 1.6 million people live").
     */
    private static final Set<String> DESCRIBING_OPENERS = Set.of("a", "an", "the", "who", "whom", "whose", "which", "where",
            "home", "one");
    /** Words that stand for a name the clause does not write. */
    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "his", "her", "hers", "they", "them", "their", "its");
    private static final Set<String> DASHES = Set.of("-", "–", "—", "--");

    private final String sentence;
    private final String[] words;
    private final int[] clauseOf;
    /** Per word: the terms of the name it is part of, empty for a word that is no name. */
    private final List<Set<String>> names;

    /**
     * @param sentence the quoted sentence(s)
     * @param passage  the passage they come from, and the question: a capitalised first word is a name when they
     *                 write it capitalised mid-sentence too ("Mongolia, a country of …"), not when it is "Some" or "The"
     * @param terms    the index's analyzer
     */
    QuotedClauses(String sentence, String passage, Function<String, Set<String>> terms) {
        this.sentence = sentence.strip();
        this.words = this.sentence.isEmpty() ? new String[0] : this.sentence.split("\\s+");
        Set<String> midSentence = new HashSet<>();
        Matcher m = MID_SENTENCE_NAME.matcher(passage + "\n" + this.sentence);
        while (m.find()) {
            midSentence.add(bare(m.group(1)));
        }
        this.names = new ArrayList<>();
        this.clauseOf = new int[words.length];
        int clause = 0;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String lower = bare(word).toLowerCase(Locale.ROOT);
            if (i > 0 && (endsClause(words[i - 1], word) || CLAUSE_OPENERS.contains(lower) || word.startsWith("(")
                    || DASHES.contains(word))) {
                clause++;
            }
            clauseOf[i] = clause;
            names.add(isName(i, midSentence) ? new HashSet<>(terms.apply(QuoteEvidence.countryOf(bare(word)))) : Set.of());
        }
    }

    /** The index of the word holding the character at the given offset of the (stripped) sentence. */
    int wordAt(int charIndex) {
        String before = sentence.substring(0, Math.min(charIndex, sentence.length()));
        return Math.max(0, before.split("\\s+", -1).length - 1);
    }

    /** Terms of every name the sentence holds. */
    Set<String> allNames() {
        Set<String> all = new HashSet<>();
        names.forEach(all::addAll);
        return all;
    }

    /**
     * Whom the word's clause is about: the names it holds; for a clause naming no one that describes the name
     * before it ("a country of …", "where …"), that name's clause; otherwise no one (empty).
     */
    Set<String> ownerOf(int word) {
        int clause = clauseOf[word];
        if (holdsPronoun(clause)) {
            // "since he was sworn in on May 7": "he" may well be the one asked about
            return Set.of();
        }
        Set<String> own = namesIn(clause);
        if (!own.isEmpty()) {
            return own;
        }
        return describes(clause) ? precedingNames(clause) : Set.of();
    }

    private boolean holdsPronoun(int clause) {
        for (int i = 0; i < words.length; i++) {
            if (clauseOf[i] == clause && PRONOUNS.contains(bare(words[i]).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean describes(int clause) {
        return clause > 0 && DESCRIBING_OPENERS.contains(bare(words[firstWordOf(clause)]).toLowerCase(Locale.ROOT));
    }

    private Set<String> precedingNames(int clause) {
        for (int c = clause - 1; c >= 0; c--) {
            Set<String> found = namesIn(c);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Set.of();
    }

    private Set<String> namesIn(int clause) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < words.length; i++) {
            if (clauseOf[i] == clause) {
                found.addAll(names.get(i));
            }
        }
        return found;
    }

    private int firstWordOf(int clause) {
        for (int i = 0; i < words.length; i++) {
            if (clauseOf[i] == clause) {
                return i;
            }
        }
        return 0;
    }

    private boolean isName(int i, Set<String> midSentence) {
        String word = words[i];
        String bare = bare(word);
        if (bare.length() < 2 || !Character.isUpperCase(bare.charAt(0)) || QuoteEvidence.CALENDAR_WORD.matcher(bare).matches()) {
            return false;
        }
        boolean startsSentence = i == 0 || words[i - 1].matches(".*[.?!][\"”’)]?") || !Character.isLetterOrDigit(word.charAt(0));
        return !startsSentence || midSentence.contains(bare);
    }

    /** A comma, semicolon, colon or closing bracket ends a clause, but not the comma of "June 19, 2024" or of a list of figures. */
    private static boolean endsClause(String word, String next) {
        if (word.endsWith(",")) {
            return !next.matches("\\d.*");
        }
        return word.matches(".*[;:)]") || word.endsWith("—") || word.endsWith("–");
    }

    /** The word without surrounding punctuation or a possessive: "Mongolia's," is "Mongolia". */
    static String bare(String word) {
        return word.replaceAll("^[^\\p{L}\\d]+", "").replaceAll("(['’]s)?[^\\p{L}\\d]*$", "");
    }
}

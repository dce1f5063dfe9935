package herald.answer;

import herald.retrieval.MonthNames;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a retrieval-only quote would rest on, for the {@link RefusalRule}s to judge: the question, the
 * best sentence found for it, the passage that sentence comes from, and how similar the sentence is.
 *
 * @param question   the question as asked (its first words say what it asks for)
 * @param standalone the question with its conversation folded in (names may come from earlier turns)
 * @param sentence   the sentence(s) the quote would hold
 * @param passage    the title and text of the passage(s) holding them
 * @param published  the publication date of the best sentence's article, or null
 * @param similarity cosine of the question's embedding to the best sentence's
 * @param terms      the index's analyzer: text to stemmed terms
 * @param framing    terms that frame a question rather than name what it asks about ("what", "say")
 */
record QuoteEvidence(String question, String standalone, String sentence, String passage, LocalDate published, double similarity,
                     Function<String, Set<String>> terms, Set<String> framing) {

    /** A capitalised word that does not start the question: a name. */
    private static final Pattern NAME = Pattern.compile("(?<=[^.?!\\s]\\s{1,3})([A-Z][\\p{L}'’.-]+|[A-Z]{2,})");
    /** Capitalised but not names: a date is asked about, not looked for in the passage. */
    static final Pattern CALENDAR_WORD = Pattern.compile("(?i)(" + MonthNames.FULL + "|" + QuoteText.WEEKDAYS + ")");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
    private static final Pattern LAST_YEAR = Pattern.compile("(?i)\\blast year\\b");
    private static final Pattern NEXT_YEAR = Pattern.compile("(?i)\\bnext year\\b");
    /** Words that tie a question together without saying what it is about ("when is he going to", "during"). */
    static final String CONNECTIVES = "go going come from during before after since until between among over under across through within "
            + "without against toward towards upon per via ago roughly about around nearly almost some any each every other "
            + "another kind type sort";
    /** News prose names a country and its people interchangeably: "Vietnamese" officials are Vietnam's. */
    private static final java.util.Map<String, String> DEMONYMS = java.util.Map.ofEntries(
            java.util.Map.entry("Vietnamese", "Vietnam"), java.util.Map.entry("Russian", "Russia"),
            java.util.Map.entry("Chinese", "China"), java.util.Map.entry("Japanese", "Japan"),
            java.util.Map.entry("Korean", "Korea"), java.util.Map.entry("Kazakh", "Kazakhstan"),
            java.util.Map.entry("Mongolian", "Mongolia"), java.util.Map.entry("Ukrainian", "Ukraine"),
            java.util.Map.entry("American", "United States"), java.util.Map.entry("Soviet", "Soviet Union"));

    AnswerType type() {
        return AnswerType.of(question);
    }

    /** Terms of the names in the question and its conversation ("To Lam", "Hanoi"). */
    Set<String> nameTerms() {
        return nameTermsOf(standalone);
    }

    /** Share of the question's names that the quoted passages hold, a people's name counting as its country's. */
    double nameShare() {
        return nameShare(nameTerms(), passage);
    }

    /** Terms of the names the question itself holds, not its conversation's ("Kazakhstan" of "Kazakhstan's prime minister"). */
    Set<String> askedNameTerms() {
        return nameTermsOf(question);
    }

    private Set<String> nameTermsOf(String text) {
        Set<String> names = new HashSet<>();
        for (String name : names(text)) {
            names.addAll(terms.apply(countryOf(name)));
        }
        names.removeAll(framing);
        return names;
    }

    /** The capitalised words past a sentence's first that are not months or weekdays. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text.strip());
        while (m.find()) {
            if (!CALENDAR_WORD.matcher(m.group(1)).matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Share of the names the question itself holds that the quoted sentence holds. */
    double sentenceNameShare() {
        return nameShare(askedNameTerms(), sentence);
    }

    /**
     * Years the question asks about that the quoted passages do not speak of: not written in them, not the year
     * the article appeared ("the second quarter of 2024" in a 2024 article), nor the year before or after when the
     * passage says "last year" or "next year".
     */
    Set<Integer> yearsNotInPassage() {
        Set<Integer> missing = new HashSet<>();
        Matcher year = YEAR.matcher(question);
        while (year.find()) {
            int y = Integer.parseInt(year.group());
            boolean written = Pattern.compile("\\b" + y + "\\b").matcher(passage).find();
            boolean published = this.published != null && (y == this.published.getYear()
                    || y == this.published.getYear() - 1 && LAST_YEAR.matcher(passage).find()
                    || y == this.published.getYear() + 1 && NEXT_YEAR.matcher(passage).find());
            if (!written && !published) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** Whether the quoted sentence names anyone or anything (a capitalised word past its first, not a month or weekday). */
    boolean sentenceHoldsNames() {
        return !names(sentence).isEmpty();
    }

    private double nameShare(Set<String> names, String text) {
        if (names.isEmpty()) {
            return 1;
        }
        StringBuilder countries = new StringBuilder();
        for (String word : text.split("\\s+")) {
            countries.append(countryOf(word)).append(' ');
        }
        Set<String> held = terms.apply(countries.toString());
        return names.stream().filter(held::contains).count() / (double) names.size();
    }

    /** A country for its people's name ("Vietnamese" is Vietnam), any other word as it is. */
    static String countryOf(String word) {
        String bare = word.replaceAll("[^\\p{L}]", "");
        return DEMONYMS.getOrDefault(bare, word);
    }

    /** The quoted sentence cut into clauses, with the names each holds (a name the question writes is one in the quote). */
    QuotedClauses clauses() {
        return new QuotedClauses(sentence, passage + "\n" + standalone, terms);
    }

    /** What the question asks about besides names: "gift", "population", "cost". */
    Set<String> focusTerms() {
        Set<String> focus = new HashSet<>(terms.apply(question));
        focus.removeAll(framing);
        focus.removeAll(terms.apply(CONNECTIVES));
        Matcher m = NAME.matcher(question.strip());
        while (m.find()) {
            focus.removeAll(terms.apply(m.group(1)));
        }
        return focus;
    }

    /** Share of the given terms that the text holds; 1 when there are none to look for. */
    double share(Set<String> wanted, String text) {
        if (wanted.isEmpty()) {
            return 1;
        }
        Set<String> held = terms.apply(text);
        return wanted.stream().filter(held::contains).count() / (double) wanted.size();
    }

    /** Word index of each word of the sentence whose terms are among the given ones. */
    List<Integer> positionsOf(Set<String> wanted) {
        String[] words = sentence.split("\\s+");
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            Set<String> t = terms.apply(words[i]);
            if (!t.isEmpty() && wanted.containsAll(t)) {
                positions.add(i);
            }
        }
        return positions;
    }
}

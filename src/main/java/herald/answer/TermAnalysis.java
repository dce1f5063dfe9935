package herald.answer;

import herald.index.PassageIndex;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The terms a retrieval-only quote compares questions, passages and sentences by: the index's analyzer, after
 * news prose's irregular verbs and acronyms are normalized.
 */
final class TermAnalysis {

    /** Words that frame a question or point back at the conversation rather than name what is asked about. */
    private static final String FRAMING_WORDS = "article articles mention mentioned mentions say says said report reported "
            + "story stories news tell told happen happened according write written do does did know "
            + "what when where who whom whose why how which is are was were has have had can could would should "
            + "he him his she her hers they them their it its there this that these those then also about many much";
    /** Irregular past forms the English stemmer leaves alone; mapped so "began" matches "begin". */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("began", "begin"), Map.entry("begun", "begin"), Map.entry("went", "go"), Map.entry("gone", "go"),
            Map.entry("met", "meet"), Map.entry("held", "hold"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("came", "come"), Map.entry("made", "make"), Map.entry("gave", "give"), Map.entry("given", "give"),
            Map.entry("left", "leave"), Map.entry("spoke", "speak"), Map.entry("spoken", "speak"), Map.entry("flew", "fly"),
            Map.entry("flown", "fly"), Map.entry("won", "win"), Map.entry("lost", "lose"), Map.entry("sent", "send"),
            Map.entry("paid", "pay"), Map.entry("chose", "choose"), Map.entry("chosen", "choose"), Map.entry("signed", "sign"),
            Map.entry("saw", "see"), Map.entry("seen", "see"), Map.entry("became", "become"), Map.entry("brought", "bring"),
            Map.entry("built", "build"), Map.entry("bought", "buy"), Map.entry("sold", "sell"), Map.entry("led", "lead"),
            Map.entry("ran", "run"), Map.entry("wrote", "write"), Map.entry("drove", "drive"), Map.entry("rose", "rise"),
            Map.entry("fell", "fall"), Map.entry("struck", "strike"), Map.entry("thought", "think"), Map.entry("kept", "keep"));
    /** Acronyms news prose uses interchangeably with the full name (matched case-sensitively: "US", not "us"). */
    private static final Map<String, String> ALIASES = Map.of(
            "US", "United States", "U.S", "United States", "USA", "United States", "UK", "United Kingdom",
            "U.K", "United Kingdom", "UN", "United Nations", "U.N", "United Nations", "EU", "European Union",
            "DPRK", "North Korea");

    private final PassageIndex index;
    private final Set<String> framingTerms;
    private final Set<String> connectiveTerms;

    TermAnalysis(PassageIndex index) {
        this.index = index;
        this.framingTerms = index.analyze(FRAMING_WORDS);
        this.connectiveTerms = index.analyze(QuoteEvidence.CONNECTIVES);
    }

    /** Terms that frame a question rather than name what it asks about ("what", "say"). */
    Set<String> framing() {
        return framingTerms;
    }

    /** The text's terms, as the index would analyze it once irregular verbs and acronyms are normalized. */
    Set<String> terms(String text) {
        StringBuilder normalized = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String acronym = ALIASES.get(word.replaceAll("[^\\p{L}.]|\\.$|'s$|’s$", ""));
            String bare = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            normalized.append(acronym != null ? acronym : IRREGULAR.getOrDefault(bare, word)).append(' ');
        }
        return index.analyze(normalized.toString());
    }

    /** Terms of the question (weight 1) and of the conversation it continues (weight 0.5). */
    Map<String, Double> questionTerms(String question, String standalone) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String t : terms(standalone)) {
            weights.put(t, 0.5);
        }
        for (String t : terms(question)) {
            weights.put(t, 1.0);
        }
        framingTerms.forEach(weights::remove);
        return weights;
    }

    /**
     * The question's terms as the refusal rules read them, to judge whether a passage is about it: a people's
     * name as its country's ("American" for "US"), without the words that only tie a question together ("going to").
     */
    Map<String, Double> topicTerms(String question, String standalone) {
        Map<String, Double> topic = new LinkedHashMap<>();
        questionTerms(countryNames(question), countryNames(standalone)).forEach((t, w) -> {
            if (!connectiveTerms.contains(t)) {
                topic.put(t, w);
            }
        });
        return topic;
    }

    /** The text with each people's name written as its country's ("Vietnamese" as "Vietnam"). */
    static String countryNames(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String singular = word.replaceAll("(?<=[a-z])s(?=\\W*$)", "");
            String country = QuoteEvidence.countryOf(singular);
            out.append(country.equals(singular) ? word : country).append(' ');
        }
        return out.toString();
    }

    /** The weighted share of the question's terms that the text holds. */
    static double coverage(Map<String, Double> questionTerms, Set<String> text) {
        double total = 0, covered = 0;
        for (var e : questionTerms.entrySet()) {
            total += e.getValue();
            if (text.contains(e.getKey())) {
                covered += e.getValue();
            }
        }
        return total == 0 ? 0 : covered / total;
    }
}

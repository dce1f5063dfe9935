package herald.answer;

import herald.config.HeraldConfig;
import herald.index.PassageIndex;
import herald.ingest.SentenceSplitter;
import herald.retrieval.CachedEmbeddings;
import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;
import herald.retrieval.TimeWords;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers without an LLM by quoting the sentence (or two) of the retrieved passages that best answer the
 * question, each with its citation; or says the articles do not say when nothing is relevant enough.
 * A sentence is judged by its embedding's similarity to the question, by how many of the question's
 * words it holds, and by whether it holds the kind of thing asked for (a date for "when", a number for
 * "how many").
 */
@ApplicationScoped
public class RetrievalOnlyAnswerer {

    private static final Logger LOG = Logger.getLogger(RetrievalOnlyAnswerer.class);

    public static final String REFUSAL = "The ingested articles do not say.";

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
    /** Two or more capitalised words in a row: a person's name, most often, in news prose. */
    private static final Pattern PERSON_NAME = Pattern.compile("\\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\\b");
    private static final java.time.format.DateTimeFormatter PUBLICATION_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    /** A capitalised word that does not start a sentence: a name. */
    private static final Pattern PROPER_NOUN = Pattern.compile("(?<=[^.?!\\s]\\s{1,3})([A-Z][\\p{L}'’.-]+|[A-Z]{2,})");

    /** Below this share of the question's words found in the passage, the passage is about something else. */
    static final double MIN_COVERAGE = 0.5;
    /** How much the share of the question's (discriminating) words counts beside embedding similarity. */
    private static final double LEXICAL_WEIGHT = 0.6;
    /** Bonus for sentences of the article the conversation is about, when answering a follow-up. */
    private static final double FOLLOW_UP_AFFINITY = 0.1;
    /** A second sentence is quoted only when it scores nearly as well as the best. */
    private static final double SECOND_SENTENCE_MARGIN = 0.06;

    private final PassageIndex index;
    private final HybridRetriever retriever;
    private final CachedEmbeddings embeddings;
    private final HeraldConfig.Answer settings;
    private final Set<String> framingTerms;
    private final Set<String> connectiveTerms;

    public RetrievalOnlyAnswerer(PassageIndex index, HybridRetriever retriever, CachedEmbeddings embeddings, HeraldConfig config) {
        this.index = index;
        this.retriever = retriever;
        this.embeddings = embeddings;
        this.settings = config.answer();
        this.framingTerms = index.analyze(FRAMING_WORDS);
        this.connectiveTerms = index.analyze(QuoteEvidence.CONNECTIVES);
    }

    /** A quoted answer: its text, and whether it is the refusal. */
    public record Quote(String text, boolean refused) {
    }

    private record Candidate(String sentence, int citation, int position, double score, double similarity) {
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
        String text = "The articles say nothing " + retrieval.time().windowLabel()
                + (newest == null ? "." : "; the newest on this is from " + formatDay(newest.passage().publishedAt()) + " [1].");
        List<Source> sources = newest == null ? List.of() : List.of(Source.of(newest));
        return Answer.of(text, conversationId, AnswerMode.RETRIEVAL_ONLY, AnswerReason.NOTHING_IN_WINDOW, sources);
    }

    /** @param conversationDocuments articles the previous answer cited: a follow-up most likely asks about them */
    public Quote answer(String question, String standalone, List<RetrievedPassage> passages, Set<String> conversationDocuments) {
        if (passages.isEmpty()) {
            return new Quote(REFUSAL, true);
        }
        Map<String, Double> questionTerms = questionTerms(question, standalone);
        if (questionTerms.isEmpty() || mentionsUnknownName(standalone, passages)) {
            return new Quote(REFUSAL, true);
        }
        // whether any passage is about the question at all: read as the rules read it, a people's name as its
        // country's ("American" for "US") and without the words that only tie a question together ("going to")
        Map<String, Double> topicTerms = new LinkedHashMap<>();
        questionTerms(countryNames(question), countryNames(standalone)).forEach((t, w) -> {
            if (!connectiveTerms.contains(t)) {
                topicTerms.put(t, w);
            }
        });
        double bestCoverage = passages.stream()
                .mapToDouble(p -> coverage(topicTerms, terms(countryNames(p.passage().title() + " " + p.passage().text()))))
                .max().orElse(0);
        double bestCosine = passages.stream().mapToDouble(RetrievedPassage::cosine).max().orElse(0);
        LOG.debugf("'%s': coverage %.2f, cosine %.3f, terms %s", standalone, bestCoverage, bestCosine, topicTerms);
        if (bestCoverage < MIN_COVERAGE || bestCosine < settings.minRelevance()) {
            return new Quote(REFUSAL, true);
        }

        List<Candidate> candidates = scoreSentences(question, standalone, questionTerms, passages,
                question.equals(standalone) ? Set.of() : conversationDocuments);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = null;
        if (TimeWords.prefersRecent(question)) {
            // "latest": the quote comes from the newest article that is about the question, even when an older
            // one holds more of its words; should that article's best sentence not pass the rules, the usual choice
            chosen = newestRelevantDay(questionTerms, passages)
                    .map(day -> choose(candidates.stream().filter(c -> day.equals(publishedAt(passages, c))).toList()))
                    .filter(c -> RefusalRule.firstRefusing(evidence(question, standalone, c, passages)).isEmpty())
                    .orElse(null);
        }
        if (chosen == null) {
            chosen = choose(candidates);
            var refusal = RefusalRule.firstRefusing(evidence(question, standalone, chosen, passages));
            if (refusal.isPresent()) {
                LOG.debugf("'%s': refused by %s rather than quote: %s", standalone, refusal.get(), chosen.get(0).sentence());
                return new Quote(REFUSAL, true);
            }
        }
        // quote in reading order: citation first, then position in the passage
        chosen.sort(Comparator.comparingInt(Candidate::citation).thenComparingInt(Candidate::position));
        StringBuilder text = new StringBuilder();
        for (Candidate c : chosen) {
            text.append(text.length() == 0 ? "" : " ").append('“').append(c.sentence()).append("” [").append(c.citation()).append(']');
            LocalDate published = passages.get(c.citation() - 1).passage().publishedAt();
            int next = chosen.indexOf(c) + 1;
            boolean sameArticleNext = next < chosen.size() && chosen.get(next).citation() == c.citation();
            if (published != null && !sameArticleNext) {
                // every quote carries its article's date: "will travel" or "tomorrow" read differently a year on
                text.append(" (published ").append(PUBLICATION_DATE.format(published)).append(')');
            }
        }
        return new Quote(text.toString(), false);
    }

    /** The best candidate, and the next ones scoring nearly as well, up to the quoted-sentence limit. */
    private List<Candidate> choose(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return null;
        }
        Candidate best = ranked.get(0);
        List<Candidate> chosen = new ArrayList<>(List.of(best));
        for (Candidate c : ranked.subList(1, ranked.size())) {
            if (chosen.size() >= settings.maxQuotedSentences() || c.score() < best.score() - SECOND_SENTENCE_MARGIN) {
                break;
            }
            chosen.add(c);
        }
        return chosen;
    }

    /**
     * The publication day of the newest passage that is about the question (it holds at least
     * {@link #MIN_COVERAGE} of the question's words and is as similar as a quote must be); empty when the
     * passages are all of one day or undated, where recency decides nothing.
     */
    private Optional<LocalDate> newestRelevantDay(Map<String, Double> questionTerms, List<RetrievedPassage> passages) {
        if (passages.stream().map(p -> p.passage().publishedAt()).filter(Objects::nonNull).distinct().count() < 2) {
            return Optional.empty();
        }
        return passages.stream()
                .filter(p -> p.passage().publishedAt() != null && p.cosine() >= settings.minRelevance()
                        && coverage(questionTerms, terms(p.passage().title() + " " + p.passage().text())) >= MIN_COVERAGE)
                .map(p -> p.passage().publishedAt())
                .max(Comparator.naturalOrder());
    }

    private static LocalDate publishedAt(List<RetrievedPassage> passages, Candidate c) {
        return passages.get(c.citation() - 1).passage().publishedAt();
    }

    /** What the refusal rules judge: the sentences to be quoted and the passages they come from. */
    private QuoteEvidence evidence(String question, String standalone, List<Candidate> chosen, List<RetrievedPassage> passages) {
        Candidate best = chosen.get(0);
        StringBuilder sentences = new StringBuilder();
        Set<Integer> cited = new java.util.LinkedHashSet<>();
        for (Candidate c : chosen) {
            sentences.append(sentences.length() == 0 ? "" : " ").append(c.sentence());
            cited.add(c.citation());
        }
        StringBuilder text = new StringBuilder();
        for (int n : cited) {
            var p = passages.get(n - 1).passage();
            text.append(p.title()).append('\n').append(p.text()).append("\n\n");
        }
        QuoteEvidence e = new QuoteEvidence(question, standalone, sentences.toString(), text.toString(),
                passages.get(best.citation() - 1).passage().publishedAt(), best.similarity(), this::terms, framingTerms);
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

    private List<Candidate> scoreSentences(String question, String standalone, Map<String, Double> questionTerms,
                                           List<RetrievedPassage> passages, Set<String> conversationDocuments) {
        Map<String, Candidate> unique = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        List<int[]> origins = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            List<String> split = SentenceSplitter.split(passages.get(i).passage().text());
            for (int j = 0; j < split.size(); j++) {
                // overlapping passages repeat sentences: keep the best-ranked citation
                if (!sentences.contains(split.get(j))) {
                    sentences.add(split.get(j));
                    origins.add(new int[]{i + 1, j});
                }
            }
        }
        float[] q = retriever.embedQuestion(standalone);
        float[] current = question.equals(standalone) ? q : retriever.embedQuestion(question);
        List<float[]> vectors = embeddings.embedAll(sentences);
        AnswerType type = AnswerType.of(question);
        Map<String, Double> discriminating = discriminating(questionTerms, sentences);
        for (int k = 0; k < sentences.size(); k++) {
            String sentence = sentences.get(k);
            double similarity = HybridRetriever.cosine(q, vectors.get(k));
            double currentSimilarity = HybridRetriever.cosine(current, vectors.get(k));
            double lexical = coverage(discriminating, terms(sentence));
            double typeFitForWho = type == AnswerType.PERSON ? personFit(sentence, question) : 0;
            double typeFit = type.fit(sentence, termPositions(sentence, questionTerms.keySet()),
                    passages.get(origins.get(k)[0] - 1).passage().publishedAt(), AnswerType.tense(question));
            double rankPrior = -0.01 * (origins.get(k)[0] - 1)
                    + (conversationDocuments.contains(passages.get(origins.get(k)[0] - 1).passage().documentId()) ? FOLLOW_UP_AFFINITY : 0);
            typeFit += typeFitForWho;
            LOG.debugf("  %.3f = sim %.3f (cur %.3f) + lex %.2f + type %.2f [%d] %s", similarity + LEXICAL_WEIGHT * lexical + typeFit + rankPrior,
                    similarity, currentSimilarity, lexical, typeFit, origins.get(k)[0], sentence);
            unique.put(sentence, new Candidate(sentence, origins.get(k)[0], origins.get(k)[1],
                    similarity + LEXICAL_WEIGHT * lexical + typeFit + rankPrior, similarity));
        }
        return new ArrayList<>(unique.values());
    }

    /** A day as quotes and answers write it: "Monday 17 June 2024". */
    public static String formatDay(LocalDate day) {
        return PUBLICATION_DATE.format(day);
    }

    /** Terms of the question (weight 1) and of the conversation it continues (weight 0.5). */
    private Map<String, Double> questionTerms(String question, String standalone) {
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
     * Question terms weighted by how few of the candidate sentences hold them: the word that makes a
     * question specific ("car", "ministers", "wife") tells the answering sentence from an article's lead,
     * which shares the names with every question about that article.
     */
    private Map<String, Double> discriminating(Map<String, Double> questionTerms, List<String> sentences) {
        List<Set<String>> sentenceTerms = sentences.stream().map(this::terms).toList();
        Map<String, Double> weighted = new LinkedHashMap<>();
        questionTerms.forEach((term, weight) -> {
            long holding = sentenceTerms.stream().filter(t -> t.contains(term)).count();
            weighted.put(term, weight * Math.log(1 + (sentences.size() + 1.0) / (holding + 1.0)));
        });
        return weighted;
    }

    private static double coverage(Map<String, Double> questionTerms, Set<String> text) {
        double total = 0, covered = 0;
        for (var e : questionTerms.entrySet()) {
            total += e.getValue();
            if (text.contains(e.getKey())) {
                covered += e.getValue();
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /**
     * A name the question asks about (France, Macron) that no retrieved passage holds means the articles
     * are about something else, however similar the rest of the question is.
     */
    private boolean mentionsUnknownName(String question, List<RetrievedPassage> passages) {
        Set<String> known = new HashSet<>();
        passages.forEach(p -> known.addAll(terms(countryNames(p.passage().title() + " " + p.passage().text()))));
        Matcher m = PROPER_NOUN.matcher(question.strip());
        while (m.find()) {
            Set<String> nameTerms = terms(countryNames(m.group(1)));
            nameTerms.removeAll(framingTerms);
            if (!nameTerms.isEmpty() && !known.containsAll(nameTerms)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each people's name written as its country's ("Vietnamese" as "Vietnam"). */
    private static String countryNames(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String singular = word.replaceAll("(?<=[a-z])s(?=\\W*$)", "");
            String country = QuoteEvidence.countryOf(singular);
            out.append(country.equals(singular) ? word : country).append(' ');
        }
        return out.toString();
    }

    private Set<String> terms(String text) {
        StringBuilder normalized = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String acronym = ALIASES.get(word.replaceAll("[^\\p{L}.]|\\.$|'s$|’s$", ""));
            String bare = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            normalized.append(acronym != null ? acronym : IRREGULAR.getOrDefault(bare, word)).append(' ');
        }
        return index.analyze(normalized.toString());
    }

    /** What kind of thing a question asks for, judged from its first words. */
    /** A "who" question is answered by a sentence naming someone the question does not already name. */
    private double personFit(String sentence, String question) {
        Set<String> asked = terms(question);
        Matcher m = PERSON_NAME.matcher(sentence);
        while (m.find()) {
            Set<String> name = terms(m.group());
            if (!name.isEmpty() && !asked.containsAll(name)) {
                return 0.1;
            }
        }
        return -0.05;
    }

    /** Word positions in the sentence whose terms the question holds. */
    private List<Integer> termPositions(String sentence, Set<String> questionTerms) {
        List<Integer> positions = new ArrayList<>();
        String[] words = sentence.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            Set<String> t = terms(words[i]);
            if (!t.isEmpty() && questionTerms.containsAll(t)) {
                positions.add(i + 1);
            }
        }
        return positions;
    }
}

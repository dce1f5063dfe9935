package herald.answer;

import herald.ingest.SentenceSplitter;
import herald.retrieval.CachedEmbeddings;
import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks the sentences of the retrieved passages as answers to a question: by embedding similarity, by the share
 * of the question's words they hold, by whether they hold the kind of thing asked for, and by the passage's rank.
 */
final class SentenceScorer {

    // the category of the answerer this serves: one quote's debug trace reads in one place
    private static final Logger LOG = Logger.getLogger(RetrievalOnlyAnswerer.class);

    /** How much the share of the question's (discriminating) words counts beside embedding similarity. */
    private static final double LEXICAL_WEIGHT = 0.6;
    /** Bonus for sentences of the article the conversation is about, when answering a follow-up. */
    private static final double FOLLOW_UP_AFFINITY = 0.1;
    /** Two or more capitalised words in a row: a person's name, most often, in news prose. */
    private static final Pattern PERSON_NAME = Pattern.compile("\\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\\b");

    private final HybridRetriever retriever;
    private final CachedEmbeddings embeddings;
    private final TermAnalysis terms;

    SentenceScorer(HybridRetriever retriever, CachedEmbeddings embeddings, TermAnalysis terms) {
        this.retriever = retriever;
        this.embeddings = embeddings;
        this.terms = terms;
    }

    /**
     * Every distinct sentence of the passages, best first.
     *
     * @param conversationDocuments articles the previous answer cited: a follow-up most likely asks about them
     */
    List<ScoredSentence> rank(String question, String standalone, Map<String, Double> questionTerms,
                              List<RetrievedPassage> passages, Set<String> conversationDocuments) {
        // a question that needed no rewriting is not a follow-up, whatever the conversation cited before
        Set<String> followedUp = question.equals(standalone) ? Set.of() : conversationDocuments;
        List<ScoredSentence> ranked = score(question, standalone, questionTerms, passages, followedUp);
        ranked.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        return ranked;
    }

    private List<ScoredSentence> score(String question, String standalone, Map<String, Double> questionTerms,
                                       List<RetrievedPassage> passages, Set<String> conversationDocuments) {
        Map<String, ScoredSentence> unique = new LinkedHashMap<>();
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
        List<float[]> vectors = embeddings.embedAll(sentences);
        AnswerType type = AnswerType.of(question);
        Map<String, Double> discriminating = discriminating(questionTerms, sentences);
        for (int k = 0; k < sentences.size(); k++) {
            String sentence = sentences.get(k);
            double similarity = HybridRetriever.cosine(q, vectors.get(k));
            double lexical = TermAnalysis.coverage(discriminating, terms.terms(sentence));
            double typeFitForWho = type == AnswerType.PERSON ? personFit(sentence, question) : 0;
            double typeFit = type.fit(sentence, termPositions(sentence, questionTerms.keySet()),
                    passages.get(origins.get(k)[0] - 1).passage().publishedAt(), AnswerType.tense(question));
            double rankPrior = -0.01 * (origins.get(k)[0] - 1)
                    + (conversationDocuments.contains(passages.get(origins.get(k)[0] - 1).passage().documentId()) ? FOLLOW_UP_AFFINITY : 0);
            typeFit += typeFitForWho;
            double score = similarity + LEXICAL_WEIGHT * lexical + typeFit + rankPrior;
            LOG.debugf("  %.3f = sim %.3f + lex %.2f + type %.2f [%d] %s", score, similarity, lexical, typeFit, origins.get(k)[0], sentence);
            unique.put(sentence, new ScoredSentence(sentence, origins.get(k)[0], origins.get(k)[1], score, similarity));
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * Question terms weighted by how few of the candidate sentences hold them: the word that makes a
     * question specific ("car", "ministers", "wife") tells the answering sentence from an article's lead,
     * which shares the names with every question about that article.
     */
    private Map<String, Double> discriminating(Map<String, Double> questionTerms, List<String> sentences) {
        List<Set<String>> sentenceTerms = sentences.stream().map(terms::terms).toList();
        Map<String, Double> weighted = new LinkedHashMap<>();
        questionTerms.forEach((term, weight) -> {
            long holding = sentenceTerms.stream().filter(t -> t.contains(term)).count();
            weighted.put(term, weight * Math.log(1 + (sentences.size() + 1.0) / (holding + 1.0)));
        });
        return weighted;
    }

    /** A "who" question is answered by a sentence naming someone the question does not already name. */
    private double personFit(String sentence, String question) {
        Set<String> asked = terms.terms(question);
        Matcher m = PERSON_NAME.matcher(sentence);
        while (m.find()) {
            Set<String> name = terms.terms(m.group());
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
            Set<String> t = terms.terms(words[i]);
            if (!t.isEmpty() && questionTerms.containsAll(t)) {
                positions.add(i + 1);
            }
        }
        return positions;
    }
}

package herald.insight;

import herald.index.BgeSmallEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grouping questions asked in other words, with the real bge-small model. The threshold is chosen on the
 * first half of a labelled set of question pairs and judged on the held-out half.
 */
class QuestionGrouperTest {

    private static final String INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    private static final double DEFAULT_SIMILARITY = 0.85;
    private static BgeSmallEmbeddingModel model;

    record Pair(boolean same, String a, String b) {
    }

    @BeforeAll
    static void loadModel() {
        model = new BgeSmallEmbeddingModel(2);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static float[] vector(String question) {
        return model.embed(INSTRUCTION + question).content().vector();
    }

    @Test
    void groupsParaphrasesAndKeepsOtherQuestionsApart() {
        List<String> asked = List.of(
                "When does Putin visit Vietnam?", "When is Putin going to Vietnam?", "when does putin visit vietnam",
                "What date is Putin's trip to Vietnam?", "When does Putin visit Vietnam?",
                "Who won the 2022 World Cup final?", "How fast did Vietnam's economy grow in the second quarter?",
                "What was Vietnam's GDP growth in Q2?");
        List<QuestionReport.Group> groups = new QuestionGrouper(DEFAULT_SIMILARITY).group(asked, QuestionGrouperTest::vector);

        assertEquals(3, groups.size(), groups.toString());
        assertEquals(new QuestionReport.Group("When does Putin visit Vietnam?", 5,
                List.of("When is Putin going to Vietnam?", "What date is Putin's trip to Vietnam?")), groups.get(0));
        assertEquals(2, groups.get(1).count(), groups.toString());
        assertEquals(1, groups.get(2).count(), groups.toString());
        assertEquals("Who won the 2022 World Cup final?", groups.get(2).question());
    }

    @Test
    void defaultSimilarityIsAmongTheBestOnTheTuningHalfAndHoldsOnTheHeldOutHalf() throws IOException {
        List<Pair> tuning = new ArrayList<>();
        List<Pair> heldOut = new ArrayList<>();
        List<Pair> target = tuning;
        for (String line : Files.readAllLines(Path.of("src/test/resources/insight/paraphrases.tsv"))) {
            if (line.startsWith("# held out")) {
                target = heldOut;
            } else if (!line.startsWith("#") && !line.isBlank()) {
                String[] cells = line.split("\t");
                target.add(new Pair(cells[0].equals("1"), cells[1], cells[2]));
            }
        }
        double[] tuningScores = similarities(tuning);
        double best = 0;
        double bestAccuracy = -1;
        for (int step = 75; step <= 97; step++) {
            double threshold = step / 100.0;
            double accuracy = accuracy(tuning, tuningScores, threshold);
            if (accuracy > bestAccuracy + 1e-9) {
                best = threshold;
                bestAccuracy = accuracy;
            }
        }
        double heldOutAccuracy = accuracy(heldOut, similarities(heldOut), DEFAULT_SIMILARITY);
        System.err.printf(Locale.ROOT, "paraphrase pairs: best threshold on tuning %.2f (accuracy %.2f, %d pairs); "
                + "default %.2f on held-out: accuracy %.2f (%d pairs)%n", best, bestAccuracy, tuning.size(),
                DEFAULT_SIMILARITY, heldOutAccuracy, heldOut.size());
        assertEquals(bestAccuracy, accuracy(tuning, tuningScores, DEFAULT_SIMILARITY), 1e-9,
                "the default should do as well on the tuning half as its best threshold, " + best);
        assertTrue(heldOutAccuracy >= 0.8, "held-out accuracy " + heldOutAccuracy);
    }

    private static double[] similarities(List<Pair> pairs) {
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            float[] a = vector(pairs.get(i).a());
            float[] b = vector(pairs.get(i).b());
            scores[i] = QuestionGrouper.dot(a, b) / Math.sqrt(QuestionGrouper.dot(a, a) * QuestionGrouper.dot(b, b));
        }
        return scores;
    }

    private static double accuracy(List<Pair> pairs, double[] scores, double threshold) {
        int right = 0;
        for (int i = 0; i < pairs.size(); i++) {
            right += (scores[i] >= threshold) == pairs.get(i).same() ? 1 : 0;
        }
        return (double) right / pairs.size();
    }
}

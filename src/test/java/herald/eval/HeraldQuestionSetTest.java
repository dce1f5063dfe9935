package herald.eval;

import herald.answer.QuestionAnswerer;
import herald.ingest.ArticleIngestor;
import herald.ingest.ArticleReader;
import herald.testing.RetrievalOnlyProfile;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality gate: Herald's own labelled set (11 competing articles, the bundled one among them)
 * answered in retrieval-only mode must stay above these floors, on the whole set and on its held-out half.
 */
@QuarkusTest
@TestProfile(RetrievalOnlyProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class HeraldQuestionSetTest {

    private static final Logger LOG = Logger.getLogger(HeraldQuestionSetTest.class);
    static final List<String> ARTICLES = List.of("biden-vietnam-visit-2023.txt", "ishiba-vietnam-visit-2025.txt",
            "kim-jong-un-vostochny-cosmodrome-2023.txt", "putin-china-state-visit-2024.txt",
            "putin-kazakhstan-state-visit-2024.txt", "putin-kim-treaty-pyongyang-2024.txt", "putin-mongolia-visit-2024.txt",
            "putin-to-lam-hanoi-talks-2024.txt", "vietnam-economy-second-quarter-2024.txt",
            "xi-jinping-hanoi-state-visit-2023.txt", "yoon-suk-yeol-vietnam-state-visit-2023.txt");

    /** Questions h1-h121: the set before the near misses added with the last refusal rules. */
    private static final int FIRST_SET_SIZE = 121;
    /** The first question of the third batch (h162-h201), written blind to the refusal rules. */
    private static final int THIRD_BATCH_FIRST = 162;

    private final ArticleIngestor ingestor;
    private final QuestionAnswerer answerer;

    HeraldQuestionSetTest(ArticleIngestor ingestor, QuestionAnswerer answerer) {
        this.ingestor = ingestor;
        this.answerer = answerer;
    }

    @BeforeEach
    void ingestCompetingArticles() throws IOException {
        for (String name : ARTICLES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("eval/articles/" + name)) {
                ingestor.ingest(ArticleReader.fromPlainText(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void staysAboveQualityFloorsOnHeraldQuestionSet() {
        Evaluator.Report report = new Evaluator(answerer::ask).run(LabelledQuestion.load("eval/herald-questions.jsonl"));
        LOG.info("\n" + report.format());
        // floors within one question under the figures measured on the whole set (h1-h201) when the gate was set
        // (docs/quality.md): a drop fails CI
        assertTrue(report.recallAt(5) >= 0.94, "recall@5 " + report.recallAt(5));
        assertTrue(report.answerAccuracy() >= 0.72, "answer accuracy " + report.answerAccuracy());
        assertTrue(report.refusalAccuracy() >= 0.80, "refusal accuracy " + report.refusalAccuracy());
        Evaluator.Report tuning = report.half(LabelledQuestion.Half.TUNING);
        assertTrue(tuning.answerAccuracy() >= 0.78, "tuning-half answer accuracy " + tuning.answerAccuracy());
        assertTrue(tuning.refusalAccuracy() >= 0.92, "tuning-half refusal accuracy " + tuning.refusalAccuracy());
        // the half the refusal rules were not tuned on: what a new question can expect
        Evaluator.Report heldOut = report.half(LabelledQuestion.Half.HELD_OUT);
        assertTrue(heldOut.answerAccuracy() >= 0.65, "held-out answer accuracy " + heldOut.answerAccuracy());
        assertTrue(heldOut.refusalAccuracy() >= 0.67, "held-out refusal accuracy " + heldOut.refusalAccuracy());
        // the third batch's held-out questions: the only ones no one had seen a result of when the rules were set
        Evaluator.Report thirdBatchHeldOut = new Evaluator.Report(heldOut.outcomes().stream()
                .filter(o -> Integer.parseInt(o.question().id().replaceAll("\\D", "")) >= THIRD_BATCH_FIRST).toList());
        assertTrue(thirdBatchHeldOut.refusalAccuracy() >= 0.73,
                "held-out refusal accuracy on h162-h201 " + thirdBatchHeldOut.refusalAccuracy());
        // the set's first 121 questions, comparable with the figures before the near misses h122-h201
        Evaluator.Report first = new Evaluator.Report(report.outcomes().stream()
                .filter(o -> Integer.parseInt(o.question().id().replaceAll("\\D", "")) <= FIRST_SET_SIZE).toList());
        assertTrue(first.refusalAccuracy() >= 0.85, "refusal accuracy on h1-h121 " + first.refusalAccuracy());
        assertTrue(first.half(LabelledQuestion.Half.HELD_OUT).refusalAccuracy() >= 0.72,
                "held-out refusal accuracy on h1-h121 " + first.half(LabelledQuestion.Half.HELD_OUT).refusalAccuracy());
    }

    @Test
    void goldPassageRanksFirstForDevelopmentQuestionsAmongCompetingArticles() {
        Evaluator.Report report = new Evaluator(answerer::ask).run(LabelledQuestion.load("eval/dev-questions.jsonl"));
        for (Evaluator.Outcome o : report.outcomes()) {
            if (!o.question().answerable()) {
                continue;
            }
            // "When did Putin's current term begin?" is also answered by the China article ("sworn in for
            // a fifth term on May 7"), which may rightly rank first; the bundled article's passage follows it
            int allowed = o.question().id().equals("d5") ? 2 : 1;
            assertTrue(o.goldRank() >= 1 && o.goldRank() <= allowed, o.question().id() + " gold at " + o.goldRank());
        }
    }

    @Test
    void developmentQuestionsStillRightAmongCompetingArticles() {
        Evaluator.Report report = new Evaluator(answerer::ask).run(LabelledQuestion.load("eval/dev-questions.jsonl"));
        LOG.info("\n" + report.format());
        // among competing articles "when did Putin's current term begin?" may rightly be answered from the
        // China article ("sworn in for a fifth term on May 7"), which the dev label does not expect
        assertTrue(report.recallAt(5) == 1.0, "recall@5 " + report.recallAt(5));
        assertTrue(report.answerAccuracy() >= 0.8 && report.refusalAccuracy() == 1.0, report.format());
    }
}

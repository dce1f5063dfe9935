package herald.answer;

import herald.eval.LabelledQuestion;
import herald.testing.RetrievalOnlyProfile;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared development questions, answered without an LLM over the bundled article. */
@QuarkusTest
@TestProfile(RetrievalOnlyProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class DevQuestionsRetrievalOnlyTest {

    private final QuestionAnswerer answerer;

    DevQuestionsRetrievalOnlyTest(QuestionAnswerer answerer) {
        this.answerer = answerer;
    }

    @Test
    void answersEveryDevelopmentQuestionOrRefusesAsLabelled() {
        List<String> failures = new ArrayList<>();
        for (LabelledQuestion q : LabelledQuestion.load("eval/dev-questions.jsonl")) {
            String conversation = ConversationStore.newId();
            for (String earlier : q.historyOrEmpty()) {
                answerer.ask(earlier, conversation);
            }
            Answer a = answerer.ask(q.question(), conversation);
            String text = a.answer().toLowerCase(Locale.ROOT);
            if (a.mode() != AnswerMode.RETRIEVAL_ONLY) {
                failures.add(q.id() + ": mode " + a.mode());
            }
            if (q.answerable()) {
                boolean right = q.expectAny().stream().anyMatch(e -> text.contains(e.toLowerCase(Locale.ROOT)));
                boolean goldInTop5 = a.sources().stream().limit(5).anyMatch(s -> s.text().contains(q.goldPassage()));
                if (!right || !goldInTop5) {
                    failures.add(q.id() + " '" + q.question() + "' -> " + a.answer() + " (gold in top 5: " + goldInTop5 + ")");
                }
            } else if (!a.answer().equals(RetrievalOnlyAnswerer.REFUSAL)) {
                failures.add(q.id() + " '" + q.question() + "' should be refused -> " + a.answer());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void answersVietnamDatesFromSeedArticle() {
        Answer a = answerer.ask("When does Putin visit Vietnam?", null);
        assertTrue(a.answer().contains("June 19-20"), a.answer());
        assertTrue(a.answer().contains("[1]") || a.answer().contains("[2]"), a.answer());
        assertTrue(a.sources().get(0).title().startsWith("Putin to Visit North Korea and Vietnam"), a.sources().toString());
    }

    @Test
    void readsAPeoplesNameAsItsCountryWhenJudgingWhetherTheArticlesAreAboutTheQuestion() {
        // the article says "a spokesperson for the US embassy ... told Reuters"; "American" is the United States
        Answer a = answerer.ask("To which agency did the American embassy's spokesperson speak about the visit?", null);
        assertTrue(a.answer().contains("Reuters"), a.answer());
    }
}

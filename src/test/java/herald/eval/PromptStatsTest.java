package herald.eval;

import com.fasterxml.jackson.databind.JsonNode;
import herald.answer.PromptBuilder;
import herald.retrieval.HybridRetriever;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eval --prompt-stats} counts what the stub Ollama is really sent, and the lean prompt keeps the answer in. */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class PromptStatsTest {

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    private final HybridRetriever retriever;
    private final PromptBuilder prompts;

    PromptStatsTest(HybridRetriever retriever, PromptBuilder prompts) {
        this.retriever = retriever;
        this.prompts = prompts;
    }

    @BeforeEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
    }

    @Test
    void countsTheCharactersSentToOllama() throws IOException {
        PromptStats stats = new PromptStats(q -> prompts.build(q, retriever.retrieve(q), List.of()));
        List<LabelledQuestion> dev = LabelledQuestion.load("eval/dev-questions.jsonl").stream()
                .filter(q -> q.historyOrEmpty().isEmpty()).toList();
        PromptStats.Report report = stats.run(dev);

        for (PromptStats.Line line : report.lines()) {
            OLLAMA.reset();
            OLLAMA.answerWith("The ingested articles do not say.");
            given().contentType(ContentType.JSON).body(java.util.Map.of("question", line.question().question()))
                    .when().post("/api/ask").then().statusCode(200);
            JsonNode request = OLLAMA.requests().get(0);
            int sent = StubOllama.message(request, "system").length() + StubOllama.message(request, "user").length();
            assertEquals(sent, line.chars(), line.question().question());
        }
        assertEquals(report.answerable(), report.goldInside(), report.format());
        assertTrue(report.meanChars() <= 1800, report.format());
    }

    /** The measure: Herald's questions about the bundled article, on a fresh install (that article alone). */
    @Test
    void thePromptForQuestionsAboutTheBundledArticleAveragesAtMost1800CharactersWithTheAnswerInside() throws IOException {
        PromptStats stats = new PromptStats(q -> prompts.build(q, retriever.retrieve(q), List.of()));
        List<LabelledQuestion> bundled = LabelledQuestion.load("eval/herald-questions.jsonl").stream()
                .filter(q -> "putin-north-korea-vietnam-visit.txt".equals(q.article()) && q.historyOrEmpty().isEmpty()).toList();
        PromptStats.Report report = stats.run(bundled);

        assertTrue(report.lines().size() >= 16, report.format());
        assertEquals(report.answerable(), report.goldInside(), report.format());
        assertTrue(report.meanChars() <= 1800, report.format());
    }
}

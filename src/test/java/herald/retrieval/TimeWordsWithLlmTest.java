package herald.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import herald.testing.ClockOn26June2024;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time words steer what the LLM is given, as they steer what retrieval-only mode quotes: asked on Wednesday
 * 26 June 2024 (a fixed clock), with the stub Ollama answering.
 */
@QuarkusTest
@TestProfile(TimeWordsWithLlmTest.LlmOn26June2024.class)
@QuarkusTestResource(StubOllamaResource.class)
class TimeWordsWithLlmTest {

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    public static class LlmOn26June2024 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.mode", "llm");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ClockOn26June2024.class);
        }
    }

    @BeforeEach
    void ingestAndReset() throws IOException {
        TimeAwareAnswersTest.ingestPutinsTrips();
        OLLAMA.reset();
        OLLAMA.answerCiting("Hanoi", "Putin arrived in Hanoi [{n}].");
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String promptOf(JsonNode request) {
        return StubOllama.message(request, "user");
    }

    @Test
    void lastWeekSendsTheLlmOnlyLastWeeksArticlesAndTodaysDate() {
        JsonPath answer = ask("What happened in Vietnam last week?");
        List<JsonNode> requests = OLLAMA.requests();
        assertEquals(1, requests.size(), answer.prettify());
        String prompt = promptOf(requests.get(0));
        assertTrue(prompt.contains("Today is Wednesday 26 June 2024."), prompt);
        assertTrue(prompt.contains("June 2024)\n[1]"), "a June article leads: " + prompt);
        assertFalse(prompt.contains("Beijing") || prompt.contains("16 May 2024"), "the May article is not last week's: " + prompt);
        for (String day : answer.<String>getList("sources.publishedAt")) {
            assertTrue(day.compareTo("2024-06-17") >= 0 && day.compareTo("2024-06-23") <= 0, day + " is not last week");
        }
    }

    @Test
    void latestPutsTheNewestRelevantArticleFirstInThePrompt() {
        ask("What is the latest on Putin's trips abroad?");
        String prompt = promptOf(OLLAMA.requests().get(0));
        int china = prompt.indexOf("Putin arrives in Beijing");
        int june = Math.min(index(prompt, "Putin lands in Pyongyang"), index(prompt, "Putin arrives in Hanoi"));
        assertTrue(june < Integer.MAX_VALUE, prompt);
        assertTrue(china < 0 || june < china, "a June trip comes before the May one: " + prompt);
    }

    @Test
    void anEmptyWindowIsAnsweredWithoutTheLlm() {
        JsonPath answer = ask("What did Putin do in Vietnam yesterday?");
        assertEquals("nothing-in-window", answer.getString("reason"));
        assertTrue(answer.getString("answer").startsWith("The articles say nothing from yesterday; the newest on this is from"),
                answer.getString("answer"));
        assertTrue(OLLAMA.requests().isEmpty(), "nothing to ask the LLM about");
    }

    private static int index(String text, String part) {
        int i = text.indexOf(part);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}

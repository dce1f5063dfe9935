package herald.answer;

import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With quoting switched off, an Ollama failure is reported as such: 503, or an error event when streaming. */
@QuarkusTest
@TestProfile(LlmRequiredTest.NoFallback.class)
@QuarkusTestResource(StubOllamaResource.class)
class LlmRequiredTest {

    public static class NoFallback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.fallback-to-retrieval-only", "false");
        }
    }

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    @AfterEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
    }

    @Test
    void answers503ProblemWhenOllamaFailsAndQuotingIsOff() {
        OLLAMA.failWith(500);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503)).body("detail", containsString("language model"));
    }

    @Test
    void streamsAnErrorEventWhenOllamaIsDownAndQuotingIsOff() {
        OLLAMA.stop();
        given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(200)
                .body(containsString("event:error"))
                .body(containsString("\"status\":503"));
    }

    @Test
    void stillAnswersFromTheLlmWhenItWorks() {
        OLLAMA.answerWith("Putin visits Vietnam on June 19-20 [1].");
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200).body("mode", equalTo("llm"));
    }
}

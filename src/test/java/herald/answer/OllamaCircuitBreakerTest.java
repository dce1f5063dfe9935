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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** After Ollama fails, the next questions are answered from the passages without waiting on it again. */
@QuarkusTest
@TestProfile(OllamaCircuitBreakerTest.LongRetry.class)
@QuarkusTestResource(StubOllamaResource.class)
class OllamaCircuitBreakerTest {

    public static class LongRetry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.retry-after", "1h");
        }
    }

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    @AfterEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
    }

    @Test
    void skipsOllamaForAWhileAfterItFailed() {
        OLLAMA.failWith(500);
        ask().body("mode", equalTo("retrieval-only"));
        assertEquals(1, OLLAMA.requests().size());

        OLLAMA.failWith(200);
        OLLAMA.answerWith("Putin visits Vietnam on June 19-20 [1].");
        ask().body("mode", equalTo("retrieval-only"));
        ask().body("mode", equalTo("retrieval-only"));
        assertEquals(1, OLLAMA.requests().size(), "Ollama is not asked again within herald.answer.retry-after");
    }

    private io.restassured.response.ValidatableResponse ask() {
        return given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask").then().statusCode(200);
    }
}

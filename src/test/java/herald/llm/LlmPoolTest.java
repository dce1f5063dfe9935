package herald.llm;

import herald.testing.StreamedAnswer;
import herald.testing.StubOllama;
import herald.testing.TwoOllamasResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Ollama endpoints of one slot each: they share the load, and one that fails is skipped. In this order:
 * the failed endpoint stays skipped for the rest of the run (retry-after is an hour).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(LlmPoolTest.LongRetry.class)
// restricted: a test resource applies to every test class unless told otherwise
@QuarkusTestResource(value = TwoOllamasResource.class, restrictToAnnotatedClass = true)
class LlmPoolTest {

    public static class LongRetry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.retry-after", "1h", "herald.answer.max-wait", "30s",
                    "herald.answer.first-token-timeout", "10s", "herald.answer.timeout", "10s");
        }
    }

    private static final StubOllama FIRST = TwoOllamasResource.FIRST;
    private static final StubOllama SECOND = TwoOllamasResource.SECOND;

    @TestHTTPResource("/api/ask/stream")
    URI stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void healthy() throws IOException {
        for (StubOllama ollama : List.of(FIRST, SECOND)) {
            ollama.reset();
            ollama.slots(1);
            ollama.answerWith(IntStream.range(0, 10).mapToObj(i -> "word ").toArray(String[]::new));
            ollama.slow(Duration.ZERO, Duration.ofMillis(100));
        }
    }

    @Test
    @Order(1)
    void twoEndpointsShareTheLoadAndNeitherGetsMoreThanItsSlots() {
        List<CompletableFuture<StreamedAnswer>> answers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?")))
                .toList();
        answers.forEach(a -> assertEquals("llm", a.join().done().path("mode").asText()));

        assertEquals(4, FIRST.requests().size() + SECOND.requests().size());
        assertTrue(FIRST.requests().size() >= 1 && SECOND.requests().size() >= 1, "both endpoints work");
        assertEquals(1, FIRST.maxConcurrentRequests());
        assertEquals(1, SECOND.maxConcurrentRequests());
    }

    @Test
    @Order(2)
    void anEndpointThatFailsIsSkippedAndReadinessSaysSo() {
        FIRST.failWith(500);
        // the first endpoint fails before writing anything: the question moves on to the second
        assertEquals("llm", StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?").done().path("mode").asText());
        assertEquals("llm", StreamedAnswer.ask(http, stream, "When is Putin going to North Korea?").done().path("mode").asText());
        assertEquals(1, FIRST.requests().size(), "a failed endpoint is not asked again within retry-after");
        assertEquals(2, SECOND.requests().size());

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ollama' }.data.'endpoint " + FIRST.baseUrl() + "'", startsWith("down until"))
                .body("checks.find { it.name == 'ollama' }.data.'endpoint " + SECOND.baseUrl() + "'",
                        allOf(startsWith("up"), containsString(", reachable")));
    }
}

package herald.llm;

import com.fasterxml.jackson.databind.JsonNode;
import herald.testing.StreamedAnswer;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many readers, one LLM slot: the queue, the wait budget, and readers who leave. */
@QuarkusTest
@TestProfile(LlmAdmissionTest.ShortBudget.class)
@QuarkusTestResource(StubOllamaResource.class)
class LlmAdmissionTest {

    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // generous time-outs: 30 readers' retrieval shares two busy cores with the stub
            return Map.of("herald.answer.max-wait", "2s", "herald.answer.first-token-timeout", "10s",
                    "herald.answer.timeout", "10s");
        }
    }

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    @TestHTTPResource("/api/ask/stream")
    URI stream;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();

    @BeforeEach
    @AfterEach
    void oneSlotOllama() throws IOException {
        OLLAMA.reset();
        OLLAMA.slots(1);
    }

    @Test
    void thirtyReadersAtOnceAllGetAnAnswerWhileOllamaRunsOneGenerationAtATime() throws Exception {
        OLLAMA.answerWith("Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20 ", "[1].");
        OLLAMA.slow(Duration.ofMillis(300), Duration.ofMillis(40));
        ExecutorService readers = Executors.newFixedThreadPool(30);
        List<CompletableFuture<StreamedAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?"), readers));
        }
        List<StreamedAnswer> all = answers.stream().map(CompletableFuture::join).toList();
        readers.shutdown();

        long llm = all.stream().filter(a -> a.done() != null && a.done().path("mode").asText().equals("llm")).count();
        long busy = all.stream().filter(a -> a.done() != null && a.done().path("reason").asText().equals("busy")).count();
        assertTrue(all.stream().allMatch(a -> a.done() != null), "every reader gets a done event");
        assertEquals(1, OLLAMA.maxConcurrentRequests(), "Ollama never runs two generations at once");
        assertTrue(all.stream().anyMatch(a -> a.saw("queued")), "readers who wait are told their place");
        assertTrue(busy > 0, "those beyond the wait budget get a quote at once");
        assertEquals(30, llm + busy, "an answer is the LLM's or a busy quote");
        // the first question starts at once and the next waits less than the 2 s budget for a 0.6 s generation
        assertTrue(llm >= 2, "the LLM answers as many as the budget allows: " + llm);
        assertEquals(llm, OLLAMA.requests().size(), "a busy quote never reaches Ollama");
        for (StreamedAnswer a : all) {
            if (a.done().path("reason").asText().equals("busy")) {
                assertTrue(a.done().path("answer").asText().contains("June 19-20"), a.done().toString());
                assertEquals("retrieval-only", a.done().path("mode").asText());
            }
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("herald_questions_total{mode=\"retrieval-only\",reason=\"busy\"}"))
                .body(containsString("herald_llm_queue_length"))
                .body(containsString("herald_llm_queue_wait_seconds_count{outcome=\"busy\"}"))
                .body(containsString("herald_llm_generations_in_flight{endpoint=\"" + OLLAMA.baseUrl() + "\"}"));
    }

    @Test
    void aReaderWhoHangsUpHasTheOllamaRequestClosed() {
        OLLAMA.answerWith(IntStream.range(0, 60).mapToObj(i -> "word ").toArray(String[]::new));
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(100));
        StreamedAnswer partial = StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?", e -> e.name().equals("token"));
        assertTrue(partial.saw("token"));
        assertNull(partial.done());

        waitFor(() -> OLLAMA.cancelledGenerations() == 1 && OLLAMA.requestsInFlight() == 0);
        assertEquals(1, OLLAMA.cancelledGenerations(), "the generation was stopped, not written to the end");
        // the slot is free again: the next reader is answered by the LLM
        OLLAMA.answerWith("Putin visits Vietnam on June 19-20 [1].");
        OLLAMA.slow(Duration.ZERO, Duration.ZERO);
        assertEquals("llm", StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?").done().path("mode").asText());
    }

    @Test
    void aReaderWhoLeavesTheQueueIsNeverSentToOllama() {
        // about as long as the wait budget, so the next reader is let into the queue
        OLLAMA.answerWith(IntStream.range(0, 20).mapToObj(i -> "word ").toArray(String[]::new));
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(100));
        CompletableFuture<StreamedAnswer> first = CompletableFuture.supplyAsync(
                () -> StreamedAnswer.ask(http, stream, "When does Putin visit Vietnam?"));
        waitFor(() -> OLLAMA.requestsInFlight() == 1);
        StreamedAnswer second = StreamedAnswer.ask(http, stream, "When is Putin going to North Korea?", e -> e.name().equals("queued"));
        JsonNode queued = second.events().get(second.events().size() - 1).data();
        assertEquals(1, queued.path("position").asInt(), queued.toString());

        assertEquals("llm", first.join().done().path("mode").asText());
        waitFor(() -> OLLAMA.requestsInFlight() == 0);
        assertEquals(1, OLLAMA.requests().size(), "the reader who left did not cost a generation");
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }
}

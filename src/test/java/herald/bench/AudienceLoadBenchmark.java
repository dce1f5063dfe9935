package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A story breaks: many readers ask at once over {@code POST /api/ask/stream} while the LLM (the stub, run
 * like Ollama with {@code OLLAMA_NUM_PARALLEL=slots}) takes 3.5 s per answer: 2 s reading the prompt, then
 * 30 tokens 50 ms apart. Prints, per number of readers, the time from asking to the first {@code token}
 * event (p50/p95/max), how many got a {@code done} event, the LLM's busy share (time spent generating over
 * slots x wall time) and the share of answers quoted because the LLM was busy.
 * <p>
 * Herald runs with its production time-outs, the answer cache off (every reader asks a question of their
 * own) and rate limits off (every reader comes from 127.0.0.1). {@code -Dbench.slots=N} sets both the
 * stub's and Herald's slots.
 */
@QuarkusTest
@TestProfile(AudienceLoadBenchmark.Production.class)
@QuarkusTestResource(StubOllamaResource.class)
class AudienceLoadBenchmark {

    private static final int SLOTS = Integer.getInteger("bench.slots", 1);
    private static final String READERS = System.getProperty("bench.readers", "30,100");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.llm.slots", String.valueOf(SLOTS),
                    "herald.answer.timeout", "120s",
                    "herald.answer.first-token-timeout", "120s",
                    "herald.answer.retry-after", "30s",
                    "quarkus.langchain4j.ollama.timeout", "120s",
                    "herald.answer.cache-ttl", "0s",
                    "herald.rate-limit.enabled", "false");
        }
    }

    @TestHTTPResource("/api/ask/stream")
    URI stream;

    @Test
    void manyReadersAtOnce() throws Exception {
        StubOllama ollama = StubOllamaResource.OLLAMA;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
        List<String> questions = questions();
        boolean first = true;
        for (String n : READERS.split(",")) {
            int readers = Integer.parseInt(n.strip());
            ollama.reset();
            ollama.slots(SLOTS);
            ollama.answerWith(IntStream.range(0, 30).mapToObj(i -> "word ").toArray(String[]::new));
            ollama.slow(Duration.ofMillis(2000), Duration.ofMillis(50));
            if (first) {
                // warm-up: JIT, the index, and one measured generation, as on a service that has been running
                read(http, questions.get(0), System.nanoTime());
                first = false;
            } else {
                // a breaker opened by the previous round must not decide this one
                Thread.sleep(31_000);
            }
            ollama.reset();
            ollama.slots(SLOTS);
            ollama.answerWith(IntStream.range(0, 30).mapToObj(i -> "word ").toArray(String[]::new));
            ollama.slow(Duration.ofMillis(2000), Duration.ofMillis(50));
            run(http, ollama, readers, questions);
            // let the LLM finish what the previous round left it before the next one starts
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (ollama.requestsInFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private void run(HttpClient http, StubOllama ollama, int readers, List<String> questions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reading>> futures = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            String question = questions.get(i % questions.size());
            futures.add(pool.submit(() -> {
                go.await();
                return read(http, question, System.nanoTime());
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        Latencies firstToken = new Latencies(readers);
        int done = 0;
        int busy = 0;
        int llm = 0;
        int queuedSeen = 0;
        long lastDone = started;
        for (Future<Reading> f : futures) {
            Reading r = f.get();
            if (r.firstTokenNanos > 0) {
                firstToken.add(r.firstTokenNanos);
            }
            done += r.done ? 1 : 0;
            busy += "busy".equals(r.reason) ? 1 : 0;
            llm += "llm".equals(r.mode) ? 1 : 0;
            queuedSeen += r.queued ? 1 : 0;
            lastDone = Math.max(lastDone, r.finishedAt);
        }
        pool.shutdown();
        double wall = (lastDone - started) / 1e9;
        double busyShare = ollama.generatingTime().toNanos() / 1e9 / (SLOTS * wall);
        Figures.print("%d readers, %d slot(s): first token p50 %.1f s, p95 %.1f s, max %.1f s; done %d/%d; LLM answers %d, "
                        + "busy quotes %d (%.0f %%), readers shown a queue position %d; wall %.1f s, LLM busy share %.0f %%; "
                        + "stub: %d requests, at most %d at once, %d cancelled",
                readers, SLOTS, firstToken.millis(50) / 1000, firstToken.millis(95) / 1000, firstToken.millis(100) / 1000,
                done, readers, llm, busy, 100.0 * busy / readers, queuedSeen, wall, 100 * busyShare,
                ollama.requests().size(), ollama.maxConcurrentRequests(), ollama.cancelledGenerations());
    }

    /** What one reader saw. */
    private record Reading(long firstTokenNanos, boolean done, String mode, String reason, boolean queued, long finishedAt) {
    }

    private Reading read(HttpClient http, String question, long asked) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("question", question).toString()))
                .build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            long[] firstToken = {0};
            boolean[] queued = {false};
            JsonNode[] done = {null};
            String[] event = {""};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    switch (event[0]) {
                        case "token" -> {
                            if (firstToken[0] == 0) {
                                firstToken[0] = System.nanoTime() - asked;
                            }
                        }
                        case "queued" -> queued[0] = true;
                        case "done" -> done[0] = parse(line.substring(5).strip());
                        default -> {
                        }
                    }
                }
            });
            return new Reading(firstToken[0], done[0] != null, done[0] == null ? null : done[0].path("mode").asText(),
                    done[0] == null ? null : done[0].path("reason").asText(null), queued[0], System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The development set's standalone questions. */
    private static List<String> questions() throws IOException {
        List<String> questions = new ArrayList<>();
        try (InputStream in = AudienceLoadBenchmark.class.getResourceAsStream("/eval/dev-questions.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode q = line.isBlank() ? null : JSON.readTree(line);
                if (q != null && !q.has("history")) {
                    questions.add(q.get("question").asText());
                }
            }
        }
        return questions;
    }
}

package herald.bench;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * From the stub LLM writing a token to the client reading the matching SSE {@code token} event of POST
 * /api/ask/stream. The service runs in this JVM, so the stub stamps each token with System.nanoTime()
 * as it writes it and the client subtracts on arrival: the service's streaming path plus loopback HTTP twice.
 */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class StreamingLatencyBenchmark {

    private static final int TOKENS_PER_ANSWER = 50;
    private static final int ANSWERS = Integer.getInteger("bench.answers", 8);
    private static final Duration BETWEEN_TOKENS = Duration.ofMillis(20);
    private static final Pattern STAMP = Pattern.compile("t(\\d+)x");

    @TestHTTPResource("/api/ask/stream")
    URI stream;

    @Test
    void tokenToClient() throws Exception {
        StubOllamaResource.OLLAMA.reset();
        StubOllamaResource.OLLAMA.answerWith(IntStream.range(0, TOKENS_PER_ANSWER).mapToObj(i -> "token ").toArray(String[]::new));
        StubOllamaResource.OLLAMA.rewriteAtEmit(token -> "t" + System.nanoTime() + "x ");
        StubOllamaResource.OLLAMA.slow(Duration.ZERO, BETWEEN_TOKENS);
        HttpClient http = HttpClient.newHttpClient();

        answer(http, null);
        Latencies latencies = new Latencies(ANSWERS * TOKENS_PER_ANSWER);
        for (int i = 0; i < ANSWERS; i++) {
            answer(http, latencies);
        }
        Figures.print("stub token written -> SSE token event read by the client (%d answers x %d tokens, %d ms apart): %s",
                ANSWERS, TOKENS_PER_ANSWER, BETWEEN_TOKENS.toMillis(), latencies.summary());
        Figures.print("  p90 %.2f ms, max %.2f ms", latencies.millis(90), latencies.millis(100));
    }

    private void answer(HttpClient http, Latencies latencies) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"When did Putin arrive in Hanoi?\"}")).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/ask/stream answered " + response.statusCode());
        }
        int[] seen = {0};
        String[] event = {""};
        response.body().forEach(line -> {
            long arrived = System.nanoTime();
            if (line.startsWith("event:")) {
                event[0] = line.substring(6).strip();
            } else if (line.startsWith("data:") && event[0].equals("token")) {
                Matcher m = STAMP.matcher(line);
                if (m.find()) {
                    seen[0]++;
                    if (latencies != null) {
                        latencies.add(arrived - Long.parseLong(m.group(1)));
                    }
                }
            }
        });
        if (seen[0] != TOKENS_PER_ANSWER) {
            throw new IllegalStateException("expected " + TOKENS_PER_ANSWER + " stamped tokens, read " + seen[0]);
        }
    }
}

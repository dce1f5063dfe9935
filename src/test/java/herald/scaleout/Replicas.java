package herald.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.bench.PackagedHerald;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the scale-out tests ask of a running Herald over its REST API: ingest an article, ask a question. */
final class Replicas {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replicas() {
    }

    /** Ingests a plain-text article (title on the first line); returns its id. */
    static String ingest(PackagedHerald replica, String text) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/documents"))
                .header("Content-Type", "text/plain; charset=utf-8").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    static JsonNode ask(PackagedHerald replica, String question, String conversationId) throws IOException, InterruptedException {
        Map<String, String> body = conversationId == null ? Map.of("question", question)
                : Map.of("question", question, "conversationId", conversationId);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/ask"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Replicas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

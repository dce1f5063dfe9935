package herald.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import herald.answer.Answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Asks a running Herald over its REST API, so an evaluation can measure a deployed service as users reach it. */
public class ServiceAnswerer implements Evaluator.Answerer {

    private final URI ask;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ServiceAnswerer(String baseUrl) {
        this.ask = URI.create(baseUrl.replaceAll("/+$", "") + "/api/ask");
    }

    @Override
    public Answer ask(String question, String conversationId) {
        try {
            String body = json.writeValueAsString(Map.of("question", question, "conversationId", conversationId));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ask).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + ask + ": " + response.body());
            }
            return json.readValue(response.body(), Answer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package herald.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A reader of {@code POST /api/ask/stream}: the events it got, in order, with their JSON data. */
public record StreamedAnswer(List<Event> events) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Event(String name, JsonNode data) {
    }

    /** Asks and reads the whole stream. */
    public static StreamedAnswer ask(HttpClient http, URI stream, String question) {
        return ask(http, stream, question, e -> false);
    }

    /** Asks and reads until the stream ends or {@code hangUpAfter} holds for an event; then closes the connection. */
    public static StreamedAnswer ask(HttpClient http, URI stream, String question, Predicate<Event> hangUpAfter) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("question", question).toString()))
                .build();
        List<Event> events = new ArrayList<>();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:") && name != null) {
                        Event event = new Event(name, JSON.readTree(line.substring(5).strip()));
                        events.add(event);
                        if (hangUpAfter.test(event)) {
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new StreamedAnswer(events);
    }

    public boolean saw(String name) {
        return events.stream().anyMatch(e -> e.name().equals(name));
    }

    /** The done event's answer, or null when the stream ended without one. */
    public JsonNode done() {
        return events.stream().filter(e -> e.name().equals("done")).map(Event::data).findFirst().orElse(null);
    }
}

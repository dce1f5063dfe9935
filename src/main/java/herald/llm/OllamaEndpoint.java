package herald.llm;

import io.quarkiverse.langchain4j.ollama.ChatRequest;
import io.quarkiverse.langchain4j.ollama.ChatResponse;
import io.quarkiverse.langchain4j.ollama.Message;
import io.quarkiverse.langchain4j.ollama.OllamaClient;
import io.quarkiverse.langchain4j.ollama.Options;
import io.quarkiverse.langchain4j.ollama.Role;
import io.smallrye.mutiny.Multi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Ollama server: its slots, the generations it runs now, and its circuit breaker. After a failure it is
 * skipped for retry-after, then one generation probes it; a success closes the breaker again. The mutable
 * state is guarded by the {@link LlmPool}'s lock.
 */
final class OllamaEndpoint {

    /** What every /api/chat request carries, whichever endpoint it goes to. */
    record Model(String name, Double temperature, int numCtx, int numPredict) {
    }

    private final String url;
    private final int slots;
    private final Model model;
    private final OllamaClient client;
    private final HttpClient probes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private int busy;
    private Instant skippedUntil = Instant.MIN;
    /** Set by a failure, cleared by a success: while set, at most one generation (the probe) runs here. */
    private boolean probing;

    OllamaEndpoint(String url, int slots, Model model, Duration readTimeout) {
        this.url = url.replaceAll("/+$", "");
        this.slots = slots;
        this.model = model;
        this.client = new OllamaClient(this.url, readTimeout, false, false, null, null);
    }

    String url() {
        return url;
    }

    int slots() {
        return slots;
    }

    int busy() {
        return busy;
    }

    /** Generations it can start now: none while skipped, one probe after that, else its free slots. */
    int capacity(Instant now) {
        if (!usable(now)) {
            return 0;
        }
        return probing ? (busy == 0 ? 1 : 0) : slots - busy;
    }

    /** Not skipped by its breaker (it may still be full). */
    boolean usable(Instant now) {
        return !now.isBefore(skippedUntil);
    }

    void started() {
        busy++;
    }

    void ended() {
        busy--;
    }

    void succeeded() {
        probing = false;
        skippedUntil = Instant.MIN;
    }

    void failed(Instant now, Duration retryAfter) {
        probing = true;
        skippedUntil = now.plus(retryAfter);
    }

    /** "up", "probing" (the next generation tests it) or "down until ...". */
    String state(Instant now) {
        if (now.isBefore(skippedUntil)) {
            return "down until " + skippedUntil;
        }
        return probing ? "probing" : "up";
    }

    /**
     * Streams Ollama's answer. {@code num_ctx} and {@code num_predict} go on every request: without them
     * Ollama uses its own default context and silently cuts longer prompts. Cancelling the subscription
     * closes the HTTP request, which stops the generation in Ollama.
     */
    Multi<ChatResponse> chat(String system, String user) {
        List<Message> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(Message.builder().role(Role.SYSTEM).content(system).build());
        }
        messages.add(Message.builder().role(Role.USER).content(user).build());
        Options options = Options.builder().temperature(model.temperature()).numCtx(model.numCtx())
                .numPredict(model.numPredict()).build();
        return client.streamingChat(ChatRequest.builder().model(model.name()).messages(messages).options(options)
                .stream(true).build());
    }

    /** Whether Ollama answers its model list within 2 s. */
    boolean reachable() {
        try {
            HttpResponse<Void> response = probes.send(HttpRequest.newBuilder(URI.create(url + "/api/tags"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

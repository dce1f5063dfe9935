package herald.health;

import herald.config.HeraldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reports whether Ollama answers, always as "up": without Ollama Herald still answers by quoting the
 * articles, so an absent LLM must not take the service out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class OllamaReachability implements HealthCheck {

    private final URI tags;
    private final HeraldConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OllamaReachability(@ConfigProperty(name = "quarkus.langchain4j.ollama.base-url", defaultValue = "http://localhost:11434") String baseUrl,
                              HeraldConfig config) {
        this.tags = URI.create(baseUrl.replaceAll("/+$", "") + "/api/tags");
        this.config = config;
    }

    public boolean reachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(tags).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        boolean llmMode = config.answer().mode() == HeraldConfig.Answer.Mode.LLM;
        return HealthCheckResponse.named("ollama").up()
                .withData("reachable", llmMode && reachable())
                .withData("answerMode", llmMode ? "llm (falls back to retrieval-only)" : "retrieval-only")
                .build();
    }
}

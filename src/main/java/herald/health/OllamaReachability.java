package herald.health;

import herald.config.HeraldConfig;
import herald.llm.LlmPool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each Ollama endpoint (its breaker state, slots in use, whether it answers) and whether any is
 * reachable, always as "up": without Ollama Herald still answers by quoting the articles, so an absent
 * LLM must not take the service out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class OllamaReachability implements HealthCheck {

    private final LlmPool llm;
    private final HeraldConfig config;

    public OllamaReachability(LlmPool llm, HeraldConfig config) {
        this.llm = llm;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean llmMode = config.answer().mode() == HeraldConfig.Answer.Mode.LLM;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ollama").up()
                .withData("answerMode", llmMode ? "llm (falls back to retrieval-only)" : "retrieval-only");
        boolean anyReachable = false;
        for (LlmPool.EndpointStatus endpoint : llm.endpoints()) {
            boolean reachable = llmMode && llm.reachable(endpoint.url());
            anyReachable |= reachable;
            response.withData("endpoint " + endpoint.url(), String.format("%s, %d/%d slots busy, %s", endpoint.state(),
                    endpoint.inFlight(), endpoint.slots(), reachable ? "reachable" : "unreachable"));
        }
        return response.withData("reachable", anyReachable).build();
    }
}

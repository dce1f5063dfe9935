package herald.health;

import herald.index.PassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is open and searchable. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final PassageIndex index;

    public IndexReadiness(PassageIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("index").up()
                    .withData("articles", index.articleCount())
                    .withData("passages", index.passageCount())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("index").down().withData("error", e.getMessage()).build();
        }
    }
}

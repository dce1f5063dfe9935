package herald.slack;

import herald.api.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/** Without a signing secret and a bot token the Slack endpoints do not exist: 404, saying how to set them. */
public class SlackSetupFilter {

    static final String HOW_TO_CONFIGURE = "The Slack bot is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN "
            + "(the Slack app's signing secret and bot token) and restart Herald; the README's \"Slack bot\" section walks through it.";

    private final boolean configured;

    public SlackSetupFilter(SlackSettings settings) {
        this.configured = settings.configured();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireSlackSettings(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (configured || !(path.equals("/slack") || path.startsWith("/slack/"))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(404).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(404, "Not Found", HOW_TO_CONFIGURE)).build());
    }
}

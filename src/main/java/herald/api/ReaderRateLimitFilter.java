package herald.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * What readers send (questions on {@code /api/ask} and {@code /api/ask/stream}, ratings on
 * {@code /api/feedback}) takes from one token bucket per client ({@link RateLimiter}). Checked before the
 * body is read, so a client sending malformed requests as fast as it can is slowed down as well.
 */
public class ReaderRateLimitFilter {

    private final RateLimiter limits;

    public ReaderRateLimitFilter(RateLimiter limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public Optional<Response> limitReaders(ContainerRequestContext request, HttpServerRequest http) {
        String channel = channel(request.getMethod(), request.getUriInfo().getPath());
        if (channel == null) {
            return Optional.empty();
        }
        String remote = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        RateLimiter.Decision decision = limits.take(limits.client(remote, http.getHeader("X-Forwarded-For")), channel);
        if (decision.allowed()) {
            return Optional.empty();
        }
        String detail = "You are asking faster than Herald answers: try again in " + decision.retryAfterSeconds() + " s";
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                .entity(Problem.of(429, "Too Many Requests", detail)).build());
    }

    /** The counter's name for what is limited here, or null for what is not. */
    private static String channel(String method, String path) {
        if (!"POST".equals(method)) {
            return null;
        }
        if (path.equals("/api/ask") || path.equals("/api/ask/stream")) {
            return "rest";
        }
        return path.equals("/api/feedback") ? "feedback" : null;
    }
}

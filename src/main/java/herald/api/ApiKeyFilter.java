package herald.api;

import herald.config.HeraldConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** When an API key is set, only its holder may change the corpus or its sources; asking stays open to all. */
public class ApiKeyFilter {

    private final Optional<String> apiKey;

    public ApiKeyFilter(HeraldConfig config) {
        this.apiKey = config.apiKey().filter(k -> !k.isBlank());
    }

    @ServerRequestFilter
    public Optional<Response> requireKeyForChanges(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (apiKey.isEmpty() || !(path.startsWith("/api/documents") || path.startsWith("/api/sources"))
                || request.getMethod().equals("GET") || request.getMethod().equals("HEAD") || request.getMethod().equals("OPTIONS")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // the scheme is case-insensitive (RFC 9110 §11.1): "bearer" and "BEARER" are "Bearer"
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        boolean valid = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8));
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized", "Changing the corpus needs Authorization: Bearer <herald.api-key>"))
                .build());
    }
}

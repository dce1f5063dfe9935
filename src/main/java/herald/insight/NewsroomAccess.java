package herald.insight;

import herald.api.Problem;
import herald.config.HeraldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may read what readers asked: only the holder of {@code herald.api-key}, as {@code Authorization:
 * Bearer <key>} or as the password of HTTP Basic (any user name), which is how a browser asks for it on
 * the page. With no key set, nobody may: the report holds readers' own words.
 */
@ApplicationScoped
public class NewsroomAccess {

    static final String REALM = "Basic realm=\"Herald newsroom\", charset=\"UTF-8\"";

    private final Optional<String> apiKey;

    public NewsroomAccess(HeraldConfig config) {
        this.apiKey = config.apiKey().filter(k -> !k.isBlank());
    }

    /** Empty when {@code authorization} holds the key; otherwise the response to send instead. */
    public Optional<Response> refusal(String authorization) {
        if (apiKey.isEmpty()) {
            return Optional.of(problem(403, "Forbidden", "The question report needs an API key: set HERALD_API_KEY (herald.api-key) and restart Herald"));
        }
        if (matches(given(authorization))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized",
                        "The question report needs Authorization: Bearer <herald.api-key>, or the key as the HTTP Basic password"))
                .build());
    }

    private static String given(String authorization) {
        if (authorization == null) {
            return "";
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring(7).strip();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? "" : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    private boolean matches(String key) {
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }
}

package herald.widget;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-origin rules, by path. The API ({@code /api/...}) answers browsers only on the pages of
 * {@code herald.widget.allowed-origins} (and Herald's own), and says so with {@code Vary: Origin} on every
 * response, so that a cache never hands one site's answer to another. {@code widget.js} is a public script
 * that any site may load: no origin check, and only a successful response may be cached. No credentials are
 * ever allowed: the API uses no cookies. Replaces Quarkus' CORS filter, which applies one policy to every path.
 */
@ApplicationScoped
public class ApiCorsFilter {

    private static final Logger LOG = Logger.getLogger(ApiCorsFilter.class);
    static final String WIDGET_SCRIPT = "/widget.js";
    static final String WIDGET_CACHE = "public, max-age=3600";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "DELETE");
    /** Before the application's own handlers, so that a refused origin costs no work. */
    private static final int PRIORITY = 200;

    private final List<Pattern> allowed;

    ApiCorsFilter(WidgetConfig config) {
        this.allowed = config.allowedOrigins().stream().map(ApiCorsFilter::pattern).toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    /** An entry between slashes is a regular expression matched against the whole origin; any other is one origin. */
    static Pattern pattern(String entry) {
        String e = entry.strip();
        if (e.length() > 1 && e.startsWith("/") && e.endsWith("/")) {
            return Pattern.compile(e.substring(1, e.length() - 1), Pattern.CASE_INSENSITIVE);
        }
        return Pattern.compile(Pattern.quote(e.endsWith("/") ? e.substring(0, e.length() - 1) : e), Pattern.CASE_INSENSITIVE);
    }

    boolean allows(String origin) {
        return allowed.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (WIDGET_SCRIPT.equals(path)) {
            serveScript(context);
        } else if (path.equals("/api") || path.startsWith("/api/")) {
            guardApi(context);
        } else {
            context.next();
        }
    }

    private void serveScript(RoutingContext context) {
        HttpServerResponse response = context.response();
        response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        // a CDN must not keep an error for an hour and hand it to every site
        response.headersEndHandler(ignored -> response.headers().set(HttpHeaders.CACHE_CONTROL,
                response.getStatusCode() == 200 || response.getStatusCode() == 304 ? WIDGET_CACHE : "no-store"));
        context.next();
    }

    private void guardApi(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.headers().add(HttpHeaders.VARY, "Origin");
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (!allows(origin) && !sameOrigin(request, origin)) {
            LOG.debugf("Refused %s %s from origin %s (herald.widget.allowed-origins)", request.method(), request.path(), origin);
            refuse(response, origin);
            return;
        }
        response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After");
        if (!preflight) {
            context.next();
            return;
        }
        String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD).strip().toUpperCase(Locale.ROOT);
        response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS.contains(method) ? method : "GET, POST");
        String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (headers != null && !headers.isBlank()) {
            response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        }
        response.headers().set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
        response.setStatusCode(200).end();
    }

    /** The page is Herald's own (the demo page, /chat): browsers send Origin on same-origin POSTs too. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        String host = request.authority() == null ? request.getHeader(HttpHeaders.HOST) : request.authority().toString();
        return host != null && origin.equalsIgnoreCase(request.scheme() + "://" + host);
    }

    private static void refuse(HttpServerResponse response, String origin) {
        response.setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Pages on this origin may not "
                        + "call Herald's API; the operator lists the sites that may in herald.widget.allowed-origins\"}");
    }
}

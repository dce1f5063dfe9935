package herald.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Refuses, with a problem body, a request with a body but no {@code Content-Type} on the API (415: guessing made
 * {@code /api/ask} read anything as JSON and {@code /api/documents} anything as HTML), and answers with problem
 * bodies the limits the HTTP server enforces before any resource runs: a body over
 * {@code quarkus.http.limits.max-body-size} (413), a URL over {@link #MAX_URL_CHARS} (414), headers over
 * {@link #MAX_HEADER_BYTES} (431). Vert.x answers these with an empty body, or closes the connection; so
 * its own limits are set above ours (application.properties) and these are checked here, where a response
 * can still be written. Whatever Vert.x still refuses beyond its limits gets its bare status.
 */
@ApplicationScoped
public class HttpLimitsFilter {

    static final String ACCEPTED = "Send a Content-Type: application/json to /api/ask; application/json, text/plain or "
            + "text/html to /api/documents";
    static final int MAX_URL_CHARS = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** First of all filters: a request over a limit is answered before any other work. */
    private static final int PRIORITY = 1000;

    private final long maxBodyBytes;

    HttpLimitsFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** Failures the body handler reports (a chunked body that outgrows the limit) get a problem body too. */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            int status = context.statusCode();
            if ((status == 413 || status == 414 || status == 431) && !context.response().headWritten()) {
                refuse(context, status, detail(status));
            } else {
                context.next();
            }
        });
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URL_CHARS) {
            refuse(context, 414, detail(414));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(context, 431, detail(431));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            refuse(context, 413, detail(413));
            return;
        }
        if (takesBody(request) && (request.getHeader(HttpHeaders.CONTENT_TYPE) == null
                || request.getHeader(HttpHeaders.CONTENT_TYPE).isBlank())) {
            refuse(context, 415, "The request has no Content-Type. " + ACCEPTED);
            return;
        }
        context.next();
    }

    private static boolean takesBody(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.POST
                && (path.equals("/api/ask") || path.startsWith("/api/ask/") || path.equals("/api/documents"));
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses a malformed length itself
        }
    }

    private String detail(int status) {
        return switch (status) {
            case 413 -> "The body is larger than " + (maxBodyBytes / (1024 * 1024)) + " MB (quarkus.http.limits.max-body-size)";
            case 414 -> "The URL is longer than " + MAX_URL_CHARS + " characters";
            default -> "The request's headers are larger than " + (MAX_HEADER_BYTES / 1024) + " kB";
        };
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        String title = switch (status) {
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 414 -> "URI Too Long";
            default -> "Request Header Fields Too Large";
        };
        // the body that was not read must not be taken for the next request on this connection
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}

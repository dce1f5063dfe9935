package herald.sources;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches feeds and article pages as a polite crawler does: one request at a time per host with a pause
 * between them, a User-Agent naming Herald, robots.txt honoured for article pages, conditional requests,
 * time-outs, a size cap and a bounded number of redirects, every hop checked by the {@link AddressGuard}.
 */
@ApplicationScoped
public class PoliteFetcher {

    private static final Logger LOG = Logger.getLogger(PoliteFetcher.class);
    /** robots.txt is read again after this long. */
    private static final Duration ROBOTS_TTL = Duration.ofHours(1);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    /** What a request is for: feeds are registered on purpose; article pages are crawled, so robots.txt applies. */
    public enum Purpose {
        FEED, PAGE
    }

    /** Validators of an earlier response, for a conditional request. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /** A response: 200 with its body, or 304 without. {@code uri} is where redirects ended. */
    public record Fetched(int status, URI uri, byte[] body, String contentType, Validators validators) {
        public boolean notModified() {
            return status == 304;
        }

        public String text() {
            Charset charset = StandardCharsets.UTF_8;
            Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (RuntimeException e) {
                    // an unknown charset name: UTF-8 is the best guess for news sites
                }
            }
            return new String(body, charset);
        }
    }

    private record CachedRobots(RobotsRules rules, Instant expires) {
    }

    private final SourceSettings settings;
    private final AddressGuard guard;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, ReentrantLock> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> hostNextRequest = new ConcurrentHashMap<>();
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    /** Closes a response body still being read at its deadline: a slow page cannot hold a poll forever. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "herald-fetch-deadlines");
        t.setDaemon(true);
        return t;
    });

    public PoliteFetcher(SourceSettings settings, Clock clock) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowPrivateAddresses());
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, so each hop passes the guard
                .connectTimeout(settings.timeout())
                .build();
    }

    /** The guard this fetcher applies, for checking a URL before it is stored. */
    public AddressGuard guard() {
        return guard;
    }

    /**
     * @throws FetchFailure when the URL is refused, robots.txt disallows it, the server fails or answers an
     *                      error status, or the response is too large or too slow
     */
    public Fetched fetch(URI uri, Validators validators, Purpose purpose) {
        URI current = uri;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            guard.check(current);
            if (purpose == Purpose.PAGE && !robotsFor(current).allows(pathAndQuery(current))) {
                throw new FetchFailure("robots.txt of " + current.getHost() + " disallows " + current);
            }
            HttpResponse<InputStream> response = send(current, validators);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                closeQuietly(response.body());
                if (location == null) {
                    throw new FetchFailure("HTTP " + status + " without Location from " + current);
                }
                current = current.resolve(location.strip());
                continue;
            }
            Validators received = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (status == 304) {
                closeQuietly(response.body());
                return new Fetched(304, current, new byte[0], contentType, validators);
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw new FetchFailure("HTTP " + status + " from " + current);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxBytes()) {
                closeQuietly(response.body());
                throw tooLarge(current);
            }
            return new Fetched(200, current, read(response.body(), current), contentType, received);
        }
        throw new FetchFailure("more than " + settings.maxRedirects() + " redirects from " + uri);
    }

    private HttpResponse<InputStream> send(URI uri, Validators validators) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
                        + "text/xml;q=0.9, text/html;q=0.8, application/json;q=0.8, */*;q=0.5");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        String host = hostKey(uri);
        ReentrantLock lock = hostLocks.computeIfAbsent(host, h -> new ReentrantLock(true));
        lock.lock();
        try {
            long wait = hostNextRequest.getOrDefault(host, 0L) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchFailure("no response from " + uri + " within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchFailure("cannot fetch " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted while fetching " + uri, e);
        } finally {
            hostNextRequest.put(host, System.nanoTime() + settings.hostDelay().toNanos());
            lock.unlock();
        }
    }

    private byte[] read(InputStream body, URI uri) {
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(body), settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > settings.maxBytes()) {
                    throw tooLarge(uri);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (System.nanoTime() - started >= settings.timeout().toNanos()) {
                throw new FetchFailure("reading " + uri + " took longer than " + settings.timeout().toSeconds() + " s");
            }
            throw new FetchFailure("cannot read " + uri + ": " + e, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private RobotsRules robotsFor(URI page) {
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        CachedRobots cached = robots.get(origin);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.rules();
        }
        RobotsRules rules;
        try {
            Fetched fetched = fetch(URI.create(origin + "/robots.txt"), Validators.NONE, Purpose.FEED);
            rules = RobotsRules.parse(fetched.text(), productToken());
        } catch (FetchFailure e) {
            // no robots.txt (404) or none to be had: nothing is forbidden, as crawlers commonly read it
            LOG.debugf("No robots.txt for %s: %s", origin, e.getMessage());
            rules = RobotsRules.ALLOW_ALL;
        }
        robots.put(origin, new CachedRobots(rules, now.plus(ROBOTS_TTL)));
        return rules;
    }

    /** "Herald" from "Herald/0.1 (…)": what robots.txt groups name. */
    private String productToken() {
        return settings.userAgent().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private FetchFailure tooLarge(URI uri) {
        return new FetchFailure(uri + " is larger than " + settings.maxBytes() + " bytes (herald.sources.max-bytes)");
    }

    private static String hostKey(URI uri) {
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + uri.getPort();
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read from it either way
        }
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
    }
}

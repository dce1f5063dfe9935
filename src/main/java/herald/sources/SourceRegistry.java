package herald.sources;

import herald.index.Sha256;
import herald.ingest.ArticleIngestor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The sources Herald polls: added and removed over the API, or listed in configuration as
 * {@code herald.sources[n].url} (with optional {@code name} and {@code poll-every}) for deployments kept in git.
 */
@ApplicationScoped
public class SourceRegistry {

    private static final Logger LOG = Logger.getLogger(SourceRegistry.class);

    private final SourceStore store;
    private final SourcePoller poller;
    private final PoliteFetcher fetcher;
    private final ArticleIngestor ingestor;
    private final SourceSettings settings;
    private final ConfiguredSources configured;
    private final Clock clock;

    public SourceRegistry(SourceStore store, SourcePoller poller, PoliteFetcher fetcher, ArticleIngestor ingestor,
                          SourceSettings settings, ConfiguredSources configured, Clock clock) {
        this.store = store;
        this.poller = poller;
        this.fetcher = fetcher;
        this.ingestor = ingestor;
        this.settings = settings;
        this.configured = configured;
        this.clock = clock;
    }

    /** Raised when a source with this URL is already registered. */
    public static class AlreadyRegistered extends RuntimeException {
        public AlreadyRegistered(String id, String url) {
            super("The source " + url + " is already registered as " + id);
        }
    }

    /** Raised when an API call would change a source that configuration owns. */
    public static class ConfiguredSource extends RuntimeException {
        public ConfiguredSource(String id) {
            super("The source " + id + " is listed in configuration (herald.sources[n].url): remove it there");
        }
    }

    /**
     * Registers a source; its first poll is due at once.
     *
     * @param pollEvery ISO-8601 duration such as PT10M, or null for the default
     * @throws IllegalArgumentException for a URL that is not http(s), resolves to a refused address, or a bad interval
     */
    public SourceRecord register(String url, String name, String pollEvery) {
        URI uri = checkedUrl(url);
        Duration every = interval(pollEvery);
        for (SourceRecord r : store.all()) {
            if (r.source().url().equals(uri.toString())) {
                throw new AlreadyRegistered(r.source().id(), uri.toString());
            }
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = clock.instant();
        SourceRecord record = new SourceRecord(new FeedSource(id, uri.toString(), nameOr(name, uri), every, false, now),
                SourceStatus.firstPollAt(now), PoliteFetcher.Validators.NONE, Map.of());
        store.save(record);
        LOG.infof("Source %s added: %s", id, uri);
        return record;
    }

    public List<SourceRecord> all() {
        return store.all();
    }

    public Optional<SourceRecord> find(String id) {
        return store.find(id);
    }

    /** Polls the source now; false when there is no such source. */
    public boolean pollNow(String id) {
        if (store.find(id).isEmpty()) {
            return false;
        }
        poller.pollLater(id);
        return true;
    }

    public boolean isPolling(String id) {
        return poller.isPolling(id);
    }

    /**
     * Removes a source. Its articles stay unless {@code purge}.
     *
     * @return false when there was no such source
     */
    public boolean delete(String id, boolean purge) {
        Optional<SourceRecord> record = store.find(id);
        if (record.isEmpty()) {
            return false;
        }
        if (record.get().source().configured()) {
            throw new ConfiguredSource(id);
        }
        store.delete(id);
        if (purge) {
            record.get().items().values().forEach(item -> ingestor.delete(item.articleId()));
        }
        LOG.infof("Source %s removed%s", id, purge ? " with its articles" : "");
        return true;
    }

    /** Brings the configured sources into the store: new ones added, changed ones updated, dropped ones removed. */
    void onStart(@Observes StartupEvent event) {
        Set<String> listed = new HashSet<>();
        List<ConfiguredSources.Feed> feeds = configured.list().orElse(List.of());
        for (int n = 0; n < feeds.size(); n++) {
            String name = feeds.get(n).name().orElse(null);
            String every = feeds.get(n).pollEvery().orElse(null);
            URI uri;
            try {
                uri = syntaxChecked(feeds.get(n).url());
            } catch (IllegalArgumentException e) {
                LOG.errorf("herald.sources[%d].url ignored: %s", n, e.getMessage());
                continue;
            }
            String id = "config-" + hash(uri.toString());
            listed.add(id);
            Optional<SourceRecord> held = store.find(id);
            FeedSource source = new FeedSource(id, uri.toString(), nameOr(name, uri), interval(every), true,
                    held.map(r -> r.source().createdAt()).orElse(clock.instant()));
            store.save(held.map(r -> new SourceRecord(source, r.status(), r.feedValidators(), r.items()))
                    .orElse(new SourceRecord(source, SourceStatus.firstPollAt(clock.instant()), PoliteFetcher.Validators.NONE, Map.of())));
        }
        for (SourceRecord r : store.all()) {
            if (r.source().configured() && !listed.contains(r.source().id())) {
                store.delete(r.source().id()); // its articles stay, as with DELETE /api/sources/{id}
            }
        }
        if (!listed.isEmpty()) {
            LOG.infof("%d source(s) from configuration", listed.size());
        }
    }

    private URI checkedUrl(String url) {
        URI uri = syntaxChecked(url);
        try {
            fetcher.guard().check(uri);
        } catch (FetchFailure e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return uri;
    }

    private static URI syntaxChecked(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        if (url.length() > 2000) {
            throw new IllegalArgumentException("url is longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL");
        }
        return uri;
    }

    private Duration interval(String pollEvery) {
        if (pollEvery == null || pollEvery.isBlank()) {
            return settings.defaultPollEvery();
        }
        Duration every;
        try {
            every = Duration.parse(pollEvery.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pollEvery must be an ISO-8601 duration such as PT10M, got: " + pollEvery);
        }
        if (every.compareTo(settings.minPollEvery()) < 0) {
            throw new IllegalArgumentException("pollEvery must be at least " + settings.minPollEvery() + ", got: " + pollEvery);
        }
        return every;
    }

    private static String nameOr(String name, URI uri) {
        return name == null || name.isBlank() ? uri.getHost() : name.strip();
    }

    /** Configured sources' ids end in 12 hex digits. */
    private static String hash(String value) {
        return Sha256.hex(value, 6);
    }
}

package herald.sources;

import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.ingest.IngestionBusyException;
import herald.ingest.IngestionPool;
import herald.ingest.UnprocessableArticleException;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Polls sources: fetches the feed (conditionally), then each new or changed item's page, and ingests the
 * article. A broken feed, page or item is recorded in the source's status and never stops the other items
 * or sources.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    /** Child sitemaps read from one sitemap index per poll. */
    private static final int MAX_CHILD_SITEMAPS = 20;
    /** Two pollers: one slow site cannot hold up every other source, and the two shared cores stay usable. */
    private static final int POLLING_THREADS = 2;
    /**
     * Longest a poll holds its source's lease: far over a poll of {@code max-items-per-poll} polite fetches, and
     * short enough that a replica which died while polling holds up its sources for minutes, not hours.
     */
    private static final Duration POLL_LEASE = Duration.ofMinutes(15);

    private final SourceStore store;
    private final PollLease lease;
    private final PoliteFetcher fetcher;
    private final IngestionPool ingestion;
    private final SourceSettings settings;
    private final Clock clock;
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(POLLING_THREADS, r -> {
        Thread t = new Thread(r, "herald-source-poller");
        t.setDaemon(true);
        return t;
    });

    public SourcePoller(SourceStore store, PollLease lease, PoliteFetcher fetcher, IngestionPool ingestion, SourceSettings settings,
                        Clock clock) {
        this.store = store;
        this.lease = lease;
        this.fetcher = fetcher;
        this.ingestion = ingestion;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${herald.sources.poll-tick:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueSources() {
        Instant now = clock.instant();
        for (SourceRecord record : store.all()) {
            if (due(record, now)) {
                pollLater(record.source().id(), true);
            }
        }
    }

    private static boolean due(SourceRecord record, Instant now) {
        Instant next = record.status().nextPollAt();
        return next == null || !next.isAfter(now);
    }

    /** Queues a poll of the source; false when it is already being polled (that poll will do). */
    public boolean pollLater(String id) {
        return pollLater(id, false);
    }

    /**
     * @param onlyIfDue a scheduled poll: skipped when, by the time it holds the lease, another replica has polled
     *                  the source and set its next poll later
     */
    private boolean pollLater(String id, boolean onlyIfDue) {
        if (!polling.add(id)) {
            return false;
        }
        workers.submit(() -> {
            try {
                // on SolrCloud another replica may be polling this source: then this one leaves it alone
                if (lease.acquire(id, POLL_LEASE)) {
                    try {
                        store.find(id).filter(r -> !onlyIfDue || due(r, clock.instant())).ifPresent(this::poll);
                    } finally {
                        lease.release(id);
                    }
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Polling source %s failed", id);
            } finally {
                polling.remove(id);
            }
        });
        return true;
    }

    public boolean isPolling(String id) {
        return polling.contains(id);
    }

    /** One poll of one source, on the calling thread; its status and item memory are saved when it ends. */
    void poll(SourceRecord record) {
        FeedSource source = record.source();
        Instant started = clock.instant();
        Map<String, SourceRecord.KnownItem> items = new LinkedHashMap<>(record.items());
        PoliteFetcher.Validators validators = record.feedValidators();
        Poll poll = new Poll();
        try {
            PoliteFetcher.Fetched feed = fetcher.fetch(URI.create(source.url()), validators, PoliteFetcher.Purpose.FEED);
            if (!feed.notModified()) {
                List<FeedItem> found = items(feed, poll);
                found.sort(Comparator.comparing(FeedItem::lastChanged, Comparator.nullsLast(Comparator.reverseOrder())));
                for (FeedItem item : found.subList(0, Math.min(found.size(), settings.maxItemsPerPoll()))) {
                    ingestItem(item, source, items, poll);
                }
                validators = feed.validators();
            }
        } catch (FetchFailure e) {
            poll.error(e.getMessage());
        }
        Instant finished = clock.instant();
        SourceStatus previous = record.status();
        ItemCounts counts = poll.counts();
        // the last error describes the last poll: a poll without errors (a 304 too) clears it
        SourceStatus status = new SourceStatus(started, finished.plus(source.pollEvery()), counts, previous.total().plus(counts),
                poll.error, poll.error != null ? finished : null);
        // a source deleted while it was polled stays deleted
        if (store.find(source.id()).isPresent()) {
            store.save(new SourceRecord(source, status, validators, items));
        }
        LOG.infof("Polled %s: %s%s", source.url(), counts, poll.error == null ? "" : "; " + poll.error);
    }

    private List<FeedItem> items(PoliteFetcher.Fetched feed, Poll poll) {
        FeedParser.Parsed parsed = FeedParser.parse(feed.body(), feed.uri());
        List<FeedItem> items = new ArrayList<>(parsed.items());
        for (String sitemap : parsed.sitemaps().subList(0, Math.min(parsed.sitemaps().size(), MAX_CHILD_SITEMAPS))) {
            try {
                PoliteFetcher.Fetched child = fetcher.fetch(URI.create(sitemap), PoliteFetcher.Validators.NONE, PoliteFetcher.Purpose.FEED);
                items.addAll(FeedParser.parse(child.body(), child.uri()).items());
            } catch (FetchFailure | IllegalArgumentException e) {
                poll.error("sitemap " + sitemap + ": " + e.getMessage());
            }
        }
        return items;
    }

    private void ingestItem(FeedItem item, FeedSource source, Map<String, SourceRecord.KnownItem> items, Poll poll) {
        poll.seen++;
        SourceRecord.KnownItem known = items.get(item.url());
        try {
            boolean sameDates = known != null && item.lastChanged() != null && known.lastChanged() != null
                    && !item.lastChanged().isAfter(known.lastChanged());
            if (sameDates && known.page().etag() == null && known.page().lastModified() == null) {
                poll.unchanged++; // the feed says nothing changed and the page offers no cheap way to check
                return;
            }
            PoliteFetcher.Validators pageValidators = known == null ? PoliteFetcher.Validators.NONE : known.page();
            PoliteFetcher.Validators received = PoliteFetcher.Validators.NONE;
            ArticleIngestor.Ingested ingested;
            try {
                PoliteFetcher.Fetched page = fetcher.fetch(URI.create(item.url()), pageValidators, PoliteFetcher.Purpose.PAGE);
                if (page.notModified()) {
                    poll.unchanged++;
                    items.put(item.url(), new SourceRecord.KnownItem(known.articleId(), item.lastChanged(), known.page()));
                    return;
                }
                received = page.validators();
                ingested = ingestPage(page, item, source, poll);
            } catch (RefusedUrl e) {
                throw e;
            } catch (FetchFailure | UnprocessableArticleException e) {
                if (!PageReader.hasContent(item)) {
                    throw e;
                }
                poll.error(e.getMessage() + "; the feed's copy of the article was used");
                ingested = ingestion.ingest(() -> PageReader.fromFeed(item, source.name(), ingestion::readHtml)).await().indefinitely();
            }
            switch (ingested.outcome()) {
                case ADDED -> poll.added++;
                case UPDATED -> poll.updated++;
                case UNCHANGED -> poll.unchanged++;
            }
            items.put(item.url(), new SourceRecord.KnownItem(ingested.article().id(), item.lastChanged(), received));
        } catch (FetchFailure | IllegalArgumentException | UnprocessableArticleException | IngestionBusyException e) {
            poll.failed++;
            poll.error(item.url() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            poll.failed++;
            poll.error(item.url() + ": unexpected " + e);
            LOG.warnf(e, "Item %s of %s failed", item.url(), source.url());
        }
    }

    /**
     * Reduces the page on the ingestion pool, the bounded path every page from outside takes (a size, depth
     * and time limit), reading its metadata from the same parse, and ingests it; a page without article text
     * gives way to the feed's copy.
     */
    private ArticleIngestor.Ingested ingestPage(PoliteFetcher.Fetched page, FeedItem item, FeedSource source, Poll poll) {
        return ingestion.ingestHtml(page.text(), page.uri(), parsed -> PageReader.metadata(parsed, page.uri()), (reduced, metadata) -> {
            if (reduced.text() != null && !reduced.text().isBlank()) {
                return PageReader.read(reduced, metadata, item, source.name());
            }
            ArticleDraft copy = PageReader.fromFeed(item, source.name(), ingestion::readHtml);
            if (copy == null) {
                throw new FetchFailure("no article text on " + page.uri());
            }
            poll.error("no article text on " + page.uri() + "; the feed's copy of the article was used");
            return copy;
        }).await().indefinitely();
    }

    /** Counts and the last error of one poll. */
    private static final class Poll {
        long seen, added, updated, unchanged, failed;
        String error;

        void error(String message) {
            error = message;
        }

        ItemCounts counts() {
            return new ItemCounts(seen, added, updated, unchanged, failed);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}

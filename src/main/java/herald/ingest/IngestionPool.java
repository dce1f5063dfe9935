package herald.ingest;

import herald.config.HeraldConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where articles from outside (uploads, feeds) are read and ingested: a few workers and a bounded queue,
 * so that one client posting heavy pages cannot take every thread the service has, and a full queue is
 * refused at once ({@link IngestionBusyException}) rather than growing without limit. Every page is reduced
 * within {@code herald.ingest.max-parse-time}.
 */
@ApplicationScoped
public class IngestionPool {

    /** What a refused client is told to wait: about the time one article takes to embed. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ArticleIngestor ingestor;
    private final Duration maxParseTime;
    private final ThreadPoolExecutor workers;

    @Inject
    public IngestionPool(ArticleIngestor ingestor, HeraldConfig config) {
        this(ingestor, config.ingest().maxParseTime(), config.ingest().workers(), config.ingest().queueSize());
    }

    IngestionPool(ArticleIngestor ingestor, Duration maxParseTime, int workers, int queueSize) {
        this.ingestor = ingestor;
        this.maxParseTime = maxParseTime;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                queueSize > 0 ? new ArrayBlockingQueue<>(queueSize) : new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "herald-ingest-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Reduces a page to its article within {@code herald.ingest.max-parse-time}; call it on a pool worker. */
    public ArticleDraft readHtml(String html) {
        return ArticleReader.fromHtml(html, maxParseTime);
    }

    /**
     * Reads (on a worker) and ingests a page from outside, such as a feed's article page. {@code inspect} reads
     * what the caller wants beyond the article from the page as parsed for the reduction (see
     * {@link ArticleReader#fromHtml(String, String, Duration, Function)}), within the same time limit;
     * {@code adjust} then sets what the caller knows better than the page (its source, its date).
     */
    public <M> Uni<ArticleIngestor.Ingested> ingestHtml(String html, URI pageUrl, Function<Document, M> inspect,
                                                        BiFunction<ArticleDraft, M, ArticleDraft> adjust) {
        return ingest(() -> {
            ArticleReader.Inspected<M> page = ArticleReader.fromHtml(html, pageUrl.toString(), maxParseTime, inspect);
            return adjust.apply(page.draft(), page.inspected());
        });
    }

    /**
     * Runs {@code draft} (the reading, which may be slow) and the ingestion on a worker.
     *
     * @throws IngestionBusyException at once when every worker is busy and the queue is full
     */
    public Uni<ArticleIngestor.Ingested> ingest(Supplier<ArticleDraft> draft) {
        CompletableFuture<ArticleIngestor.Ingested> result = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    result.complete(ingestor.ingest(draft.get()));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            throw new IngestionBusyException("Herald is ingesting as many articles as it can (" + workers.getMaximumPoolSize()
                    + " at once, " + workers.getQueue().size() + " waiting); try again in a few seconds", RETRY_AFTER);
        }
        return Uni.createFrom().completionStage(result);
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }
}

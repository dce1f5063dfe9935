package herald.ingest;

import herald.index.Article;
import herald.index.PassageIndex;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/** Removes articles older than {@code herald.retention.max-age}, hourly; articles without a date are kept. */
@ApplicationScoped
public class ArticleRetention {

    private static final Logger LOG = Logger.getLogger(ArticleRetention.class);

    private final PassageIndex index;
    private final ArticleIngestor ingestor;
    private final RetentionSettings settings;
    private final Clock clock;

    public ArticleRetention(PassageIndex index, ArticleIngestor ingestor, RetentionSettings settings, Clock clock) {
        this.index = index;
        this.ingestor = ingestor;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void dropExpired() {
        settings.maxAge().ifPresent(age -> dropPublishedBefore(LocalDate.now(clock).minus(age)));
    }

    /** Removes the articles published before {@code cutoff}; returns how many. */
    public int dropPublishedBefore(LocalDate cutoff) {
        int dropped = 0;
        for (Article article : index.list()) {
            if (article.publishedAt() != null && article.publishedAt().isBefore(cutoff) && ingestor.delete(article.id())) {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.infof("Retention: %d article(s) published before %s removed", dropped, cutoff);
        }
        return dropped;
    }
}

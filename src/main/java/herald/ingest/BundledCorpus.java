package herald.ingest;

import herald.config.HeraldConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ingests the articles packaged under {@code corpus/} at startup. Already-held articles are found by
 * their content hash before anything is embedded, so a restart costs no embedding work; an article the
 * operator deleted is remembered ({@link DeletedBundledArticles}) and stays deleted.
 */
@ApplicationScoped
public class BundledCorpus {

    private static final Logger LOG = Logger.getLogger(BundledCorpus.class);
    private static final String FOLDER = "corpus/";

    private final ArticleIngestor ingestor;
    private final DeletedBundledArticles deleted;
    private final boolean enabled;

    @Inject
    public BundledCorpus(ArticleIngestor ingestor, DeletedBundledArticles deleted, HeraldConfig config) {
        this(ingestor, deleted, config.corpus().bundled());
    }

    BundledCorpus(ArticleIngestor ingestor, DeletedBundledArticles deleted, boolean enabled) {
        this.ingestor = ingestor;
        this.deleted = deleted;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        ingestBundled();
    }

    void ingestBundled() {
        if (!enabled) {
            return;
        }
        int added = 0;
        for (String name : names()) {
            ArticleDraft draft = ArticleReader.fromPlainText(read(FOLDER + name));
            if (deleted.contains(ingestor.idOf(draft))) {
                LOG.infof("Bundled article %s was deleted by an operator: not ingested again", name);
            } else if (ingestor.ingest(draft).created()) {
                added++;
            }
        }
        LOG.infof("Bundled corpus: %d article(s) added", added);
    }

    /** Called after an article is deleted: a bundled one is remembered, so the next start does not bring it back. */
    public void articleDeleted(String articleId) {
        boolean bundled = names().stream().anyMatch(name -> ingestor.idOf(ArticleReader.fromPlainText(read(FOLDER + name))).equals(articleId));
        if (bundled) {
            deleted.add(articleId);
            LOG.infof("Bundled article %s deleted; it stays deleted across restarts", articleId);
        }
    }

    static List<String> names() {
        return read(FOLDER + "manifest.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

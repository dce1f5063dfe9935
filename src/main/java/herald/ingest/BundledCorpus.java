package herald.ingest;

import herald.config.HeraldConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ingests the articles packaged under {@code corpus/} at startup. Already-held articles are found by
 * their content hash before anything is embedded, so a restart costs no embedding work.
 */
@ApplicationScoped
public class BundledCorpus {

    private static final Logger LOG = Logger.getLogger(BundledCorpus.class);
    private static final String FOLDER = "corpus/";

    private final ArticleIngestor ingestor;
    private final HeraldConfig config;

    public BundledCorpus(ArticleIngestor ingestor, HeraldConfig config) {
        this.ingestor = ingestor;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.corpus().bundled()) {
            return;
        }
        int added = 0;
        for (String name : names()) {
            if (ingestor.ingest(ArticleReader.fromPlainText(read(FOLDER + name))).created()) {
                added++;
            }
        }
        LOG.infof("Bundled corpus: %d article(s) added", added);
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

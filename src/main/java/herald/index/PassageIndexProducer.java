package herald.index;

import herald.config.HeraldConfig;
import herald.index.lucene.LucenePassageIndex;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The index the {@code herald.index.backend} setting names, opened at startup so a bad setting fails fast. */
public class PassageIndexProducer {

    @Produces
    @Startup
    @Singleton
    PassageIndex passageIndex(HeraldConfig config) {
        return switch (config.index().backend()) {
            case LUCENE -> new LucenePassageIndex(config.dataDir().resolve("index"));
            case SOLR -> throw new IllegalStateException("herald.index.backend=solr is not available yet");
        };
    }

    void close(@Disposes PassageIndex index) {
        index.close();
    }
}

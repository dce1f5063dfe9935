package herald.sources;

import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The source store and the poll lease of the configured backend: a file and this process by default, or shared
 * on SolrCloud with {@code herald.index.backend=solr}, so only one replica polls a given feed at a time.
 */
public class SourceStoreProducer {

    @Produces
    @Singleton
    SourceStore sources(HeraldConfig config, Instance<SolrState> solr) {
        return switch (config.index().backend()) {
            case LUCENE -> new FileSourceStore(config);
            case SOLR -> new SolrSourceStore(solr.get());
        };
    }

    @Produces
    @Singleton
    PollLease pollLease(HeraldConfig config, Instance<SolrState> solr, Clock clock) {
        return switch (config.index().backend()) {
            case LUCENE -> new InProcessPollLease(clock);
            case SOLR -> new SolrPollLease(solr.get(), clock);
        };
    }
}

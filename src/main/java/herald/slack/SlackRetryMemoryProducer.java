package herald.slack;

import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The Slack retry memory of the configured backend: in the process, or shared on SolrCloud. */
public class SlackRetryMemoryProducer {

    @Produces
    @Singleton
    SlackRetryMemory retryMemory(HeraldConfig config, SlackSettings settings, Instance<SolrState> solr, Clock clock) {
        return switch (config.index().backend()) {
            case LUCENE -> new SlackEventDeduplicator(settings, clock);
            case SOLR -> new SolrSlackRetryMemory(solr.get(), settings.retryMemory(), clock);
        };
    }
}

package herald.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The answer cache of the configured backend: in this process, or shared on SolrCloud by every replica. */
public class AnswerCacheProducer {

    @Produces
    @Singleton
    AnswerCache answerCache(HeraldConfig config, Instance<SolrState> solr, ObjectMapper json, Clock clock) {
        return switch (config.index().backend()) {
            case LUCENE -> new InMemoryAnswerCache(config, clock);
            case SOLR -> new SolrAnswerCache(solr.get(), json, clock);
        };
    }
}

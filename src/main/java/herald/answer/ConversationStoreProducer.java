package herald.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The conversation store of the configured backend: in the process, or shared on SolrCloud. */
public class ConversationStoreProducer {

    @Produces
    @Singleton
    ConversationStore conversations(HeraldConfig config, Instance<SolrState> solr, ObjectMapper json, Clock clock) {
        HeraldConfig.Conversation settings = config.conversation();
        return switch (config.index().backend()) {
            case LUCENE -> new InMemoryConversationStore(config);
            case SOLR -> new SolrConversationStore(solr.get(), json, clock, settings.maxTurns(), settings.forgetAfter());
        };
    }
}

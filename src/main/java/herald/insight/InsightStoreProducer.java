package herald.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The question log, the feedback store and the answer links of the configured backend: Lucene indexes under
 * {@code herald.data-dir} by default, or shared on SolrCloud with {@code herald.index.backend=solr}, so the
 * report sees every replica's questions and a rating or a Slack reaction may reach any replica.
 */
public class InsightStoreProducer {

    @Produces
    @Singleton
    QuestionLog questionLog(HeraldConfig config, Instance<SolrState> solr, ObjectMapper json) {
        return switch (config.index().backend()) {
            case LUCENE -> new LuceneQuestionLog(config, json);
            case SOLR -> new SolrQuestionLog(solr.get(), json);
        };
    }

    void close(@Disposes QuestionLog log) {
        if (log instanceof LuceneQuestionLog lucene) {
            lucene.close();
        }
    }

    @Produces
    @Singleton
    FeedbackStore feedbackStore(HeraldConfig config, Instance<SolrState> solr) {
        return switch (config.index().backend()) {
            case LUCENE -> new LuceneFeedbackStore(config);
            case SOLR -> new SolrFeedbackStore(solr.get());
        };
    }

    void close(@Disposes FeedbackStore store) {
        if (store instanceof LuceneFeedbackStore lucene) {
            lucene.close();
        }
    }

    @Produces
    @Singleton
    AnswerLinks answerLinks(HeraldConfig config, Instance<SolrState> solr) {
        return switch (config.index().backend()) {
            case LUCENE -> new LuceneAnswerLinks(config);
            case SOLR -> new SolrAnswerLinks(solr.get());
        };
    }

    void close(@Disposes AnswerLinks links) {
        if (links instanceof LuceneAnswerLinks lucene) {
            lucene.close();
        }
    }
}

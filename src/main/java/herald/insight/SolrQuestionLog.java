package herald.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.index.solr.SolrState;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The question log on SolrCloud ({@code herald.index.backend=solr}): every replica logs into it, the report reads all. */
public class SolrQuestionLog implements QuestionLog {

    private static final String KIND = "question";

    private final SolrState state;
    private final ObjectMapper json;

    public SolrQuestionLog(SolrState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    @Override
    public void append(List<LoggedQuestion> questions) {
        List<SolrInputDocument> records = new ArrayList<>();
        for (LoggedQuestion q : questions) {
            SolrInputDocument d = new SolrInputDocument();
            d.setField("id", id(q.answerId()));
            d.setField("asked_at_dt", Date.from(q.askedAt()));
            try {
                d.setField("record_stored", json.writeValueAsString(q));
                if (q.vector() != null) {
                    d.setField("vector_stored", json.writeValueAsString(q.vector()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            records.add(d);
        }
        state.addSearchable(KIND, records);
    }

    @Override
    public Optional<LoggedQuestion> find(String answerId) {
        return state.byId(id(answerId)).map(this::question);
    }

    @Override
    public boolean sharedWithOtherReplicas() {
        return true;
    }

    @Override
    public List<LoggedQuestion> between(Instant from, Instant to) {
        SolrQuery q = new SolrQuery("asked_at_dt:[" + from + " TO " + to + "}");
        q.addSort("asked_at_dt", SolrQuery.ORDER.asc);
        return state.searchAll(KIND, q).stream().map(this::question).toList();
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        return state.deleteWhere(KIND, "asked_at_dt:[* TO " + cutoff + "}");
    }

    private LoggedQuestion question(SolrDocument d) {
        try {
            LoggedQuestion q = json.readValue((String) d.getFieldValue("record_stored"), LoggedQuestion.class);
            String vector = (String) d.getFieldValue("vector_stored");
            return new LoggedQuestion(q.answerId(), q.askedAt(), q.channel(), q.question(), q.standaloneQuestion(), q.mode(),
                    q.reason(), q.refused(), q.answer(), q.articles(), q.latencyMillis(),
                    vector == null ? null : json.readValue(vector, float[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable question in SolrCloud", e);
        }
    }

    private static String id(String answerId) {
        return (KIND + ":" + answerId).replace('!', '_');
    }
}

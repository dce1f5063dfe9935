package herald.insight;

import herald.index.solr.SolrState;
import org.apache.solr.common.SolrInputDocument;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Answer links on SolrCloud ({@code herald.index.backend=solr}): a Slack reaction reaching any replica rates
 * the answer another replica posted. Read by real-time get, so a link is found as soon as it is written.
 */
public class SolrAnswerLinks implements AnswerLinks {

    private static final String KIND = "answer-link";

    private final SolrState state;

    public SolrAnswerLinks(SolrState state) {
        this.state = state;
    }

    @Override
    public void link(String key, String answerId, Instant at) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", id(key));
        d.setField("answer_id_s", answerId);
        d.setField("linked_at_dt", Date.from(at));
        state.addSearchable(KIND, List.of(d));
    }

    @Override
    public Optional<String> answerId(String key) {
        return state.byId(id(key)).map(d -> (String) d.getFieldValue("answer_id_s"));
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        return state.deleteWhere(KIND, "linked_at_dt:[* TO " + cutoff + "}");
    }

    private static String id(String key) {
        return (KIND + ":" + key).replace('!', '_');
    }
}

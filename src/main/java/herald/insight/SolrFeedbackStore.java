package herald.insight;

import herald.index.solr.SolrState;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/** Readers' ratings on SolrCloud ({@code herald.index.backend=solr}): a rating given through any replica counts once. */
public class SolrFeedbackStore implements FeedbackStore {

    private static final String KIND = "feedback";
    private static final int IDS_PER_QUERY = 500;

    private final SolrState state;

    public SolrFeedbackStore(SolrState state) {
        this.state = state;
    }

    @Override
    public void rate(Feedback feedback) {
        SolrInputDocument d = new SolrInputDocument();
        // one document per answer and voter: a second rating by the same reader replaces the first
        d.setField("id", id(feedback.answerId(), feedback.voter()));
        d.setField("answer_id_s", feedback.answerId());
        d.setField("voter_s", feedback.voter());
        d.setField("rating_s", feedback.rating().wire());
        if (feedback.comment() != null) {
            d.setField("comment_stored", feedback.comment());
        }
        d.setField("rated_at_dt", Date.from(feedback.ratedAt()));
        state.addSearchable(KIND, List.of(d));
    }

    @Override
    public boolean withdraw(String answerId, String voter, Rating rating) {
        // conditional on the version read: a new rating arriving meanwhile through another replica is never the one deleted
        return state.byId(id(answerId, voter))
                .filter(d -> rating.wire().equals(d.getFieldValue("rating_s")))
                .map(d -> state.deleteIfUnchanged(id(answerId, voter), ((Number) d.getFieldValue("_version_")).longValue()))
                .orElse(false);
    }

    @Override
    public List<Feedback> forAnswers(Collection<String> answerIds) {
        List<String> ids = answerIds.stream().distinct().toList();
        List<Feedback> found = new ArrayList<>();
        // a report may name thousands of answers: a bounded filter per request
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            SolrQuery q = new SolrQuery("*:*");
            q.addFilterQuery("{!terms f=answer_id_s separator=\"\u001f\"}"
                    + String.join("\u001f", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
            q.addSort("rated_at_dt", SolrQuery.ORDER.asc);
            for (SolrDocument d : state.searchAll(KIND, q)) {
                found.add(new Feedback((String) d.getFieldValue("answer_id_s"), (String) d.getFieldValue("voter_s"),
                        Rating.fromWire((String) d.getFieldValue("rating_s")).orElseThrow(),
                        (String) d.getFieldValue("comment_stored"), ((Date) d.getFieldValue("rated_at_dt")).toInstant()));
            }
        }
        return found;
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        return state.deleteWhere(KIND, "rated_at_dt:[* TO " + cutoff + "}");
    }

    private static String id(String answerId, String voter) {
        return (KIND + ":" + answerId + ":" + voter).replace('!', '_');
    }
}

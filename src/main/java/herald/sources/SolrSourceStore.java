package herald.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.index.solr.SolrState;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Sources on SolrCloud ({@code herald.index.backend=solr}): a source added through any replica is polled by
 * one of them ({@link SolrPollLease}), and its status is the same on every replica. Saved with a commit, so the
 * next replica to list the sources sees when the last poll ended.
 */
public class SolrSourceStore implements SourceStore {

    private static final String KIND = "source";

    private final SolrState state;
    private final ObjectMapper json = FileSourceStore.mapper();

    public SolrSourceStore(SolrState state) {
        this.state = state;
    }

    @Override
    public List<SourceRecord> all() {
        SolrQuery q = new SolrQuery("*:*");
        q.addSort("created_at_dt", SolrQuery.ORDER.asc);
        return state.searchAll(KIND, q).stream().map(this::read).toList();
    }

    @Override
    public Optional<SourceRecord> find(String id) {
        return state.byId(id(id)).map(this::read);
    }

    @Override
    public void save(SourceRecord record) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", id(record.source().id()));
        d.setField("created_at_dt", Date.from(record.source().createdAt()));
        try {
            d.setField("record_stored", json.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        state.addSearchable(KIND, List.of(d));
    }

    @Override
    public boolean delete(String id) {
        if (state.byId(id(id)).isEmpty()) {
            return false;
        }
        state.deleteAll(KIND, "id:" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(id(id)));
        return true;
    }

    private SourceRecord read(SolrDocument d) {
        try {
            return json.readValue((String) d.getFieldValue("record_stored"), SourceRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable source in SolrCloud", e);
        }
    }

    private static String id(String sourceId) {
        return (KIND + ":" + sourceId).replace('!', '_');
    }
}

package herald.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.index.Sha256;
import herald.index.solr.SolrState;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer cache on SolrCloud ({@code herald.index.backend=solr}): an answer the LLM wrote on one replica is
 * reused by every replica, and an article changed through any replica drops the answers resting on it
 * everywhere. Entries expire by {@code expire_at} (Solr removes them within a minute; reads skip them at once).
 */
public class SolrAnswerCache implements AnswerCache {

    private static final String KIND = "answer-cache";
    /** Cached answers become visible to the other replicas within this, without a commit per answer. */
    private static final int VISIBLE_WITHIN_MILLIS = 1_000;
    /** At most this many wordings of one question on one set of passages are read back. */
    private static final int MAX_PER_PASSAGES = 100;

    private final SolrState state;
    private final ObjectMapper json;
    private final Clock clock;

    public SolrAnswerCache(SolrState state, ObjectMapper json, Clock clock) {
        this.state = state;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<CachedAnswer> onPassages(String passagesKey) {
        SolrQuery q = new SolrQuery("passages_key_s:" + hash(passagesKey));
        q.addFilterQuery("expire_at:{" + clock.instant() + " TO *]");
        q.addSort("cached_at_dt", SolrQuery.ORDER.asc);
        q.setRows(MAX_PER_PASSAGES);
        List<CachedAnswer> found = new ArrayList<>();
        for (SolrDocument d : state.search(KIND, q)) {
            found.add(read((String) d.getFieldValue("record_stored")));
        }
        return found;
    }

    @Override
    public void put(CachedAnswer answer) {
        SolrInputDocument d = new SolrInputDocument();
        // the same key as in memory: a newer answer replaces it
        d.setField("id", KIND + ":" + hash(answer.key()));
        d.setField("passages_key_s", hash(answer.passagesKey()));
        // hashed: an article id may be a URL, which the text analysis would split
        d.setField("document_keys_txt", answer.documentIds().stream().map(SolrAnswerCache::hash).collect(Collectors.joining(" ")));
        d.setField("cached_at_dt", Date.from(clock.instant()));
        d.setField("expire_at", Date.from(answer.expiresAt()));
        d.setField("record_stored", write(answer));
        state.addVisibleWithin(KIND, List.of(d), VISIBLE_WITHIN_MILLIS);
    }

    @Override
    public void forgetArticle(String documentId) {
        // always sent, not after a count: an answer cached a moment ago, not yet visible to a search, goes too
        state.deleteAll(KIND, "document_keys_txt:" + hash(documentId));
    }

    private String write(CachedAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CachedAnswer read(String value) {
        try {
            return json.readValue(value, CachedAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable cached answer in SolrCloud", e);
        }
    }

    /** Cache keys are 32 hex digits. */
    private static String hash(String text) {
        return Sha256.hex(text, 16);
    }
}

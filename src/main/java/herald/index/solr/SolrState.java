package herald.index.solr;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Small pieces of state every replica shares (conversations, Slack retry ids, leases), kept as one document
 * per key in Herald's {@code state} collection. Reads go through real-time get, so a write is seen by every
 * replica at once, without waiting for a commit; conditional writes use Solr's optimistic concurrency
 * ({@code _version_}), so two replicas cannot both win. A value past its expiry is treated as absent and removed
 * by Solr within a minute.
 */
public class SolrState {

    private static final int VERSION_CONFLICT = 409;
    /** {@code _version_} values with a meaning of their own in Solr's optimistic concurrency. */
    private static final long MUST_NOT_EXIST = -1;
    /** Records read per request when searching a range. */
    private static final int PAGE = 1_000;

    private final SolrCloud solr;
    private final String collection;

    public SolrState(SolrCloud solr) {
        this.solr = solr;
        this.collection = solr.collection("state");
    }

    /** A stored value, with the version a conditional update must name. */
    public record Stored(String value, Instant expiresAt, long version) {
        public boolean expired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** The value under a key, expired or not (the caller decides what expiry means). */
    public Optional<Stored> get(String kind, String key) {
        try {
            ModifiableSolrParams fields = new ModifiableSolrParams().set("fl", "value_stored,expire_at,_version_");
            SolrDocument d = solr.client().getById(collection, id(kind, key), fields);
            if (d == null) {
                return Optional.empty();
            }
            Date expires = (Date) d.getFieldValue("expire_at");
            return Optional.of(new Stored((String) d.getFieldValue("value_stored"),
                    expires == null ? null : expires.toInstant(), ((Number) d.getFieldValue("_version_")).longValue()));
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud state read failed: " + e.getMessage(), e);
        }
    }

    /** Stores a value only if the key holds none; false when it does (even an expired one). */
    public boolean create(String kind, String key, String value, Instant expiresAt) {
        return write(kind, key, value, expiresAt, MUST_NOT_EXIST);
    }

    /** Stores a value only if the key still holds {@code version}; false when another write came first. */
    public boolean update(String kind, String key, String value, Instant expiresAt, long version) {
        return write(kind, key, value, expiresAt, version);
    }

    /** Creates the value if absent or expired, atomically across replicas; false when a live value is held. */
    public boolean claim(String kind, String key, String value, Instant expiresAt, Instant now) {
        if (create(kind, key, value, expiresAt)) {
            return true;
        }
        Optional<Stored> held = get(kind, key);
        if (held.isEmpty()) {
            // removed by expiry between the two calls
            return create(kind, key, value, expiresAt);
        }
        return held.get().expired(now) && update(kind, key, value, expiresAt, held.get().version());
    }

    /**
     * Stores records that are searched, not only read by key (the question log, feedback): written, then a soft
     * commit so a search on any replica finds them when this returns. {@code kind} is set on each.
     */
    public void addSearchable(String kind, List<SolrInputDocument> records) {
        if (records.isEmpty()) {
            return;
        }
        UpdateRequest request = adds(kind, records);
        request.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        update(request);
    }

    /**
     * Stores searchable records that every replica must find soon, not at once (cached answers): Solr makes
     * them visible within {@code millis}, so a burst of writes costs one commit, not one each.
     */
    public void addVisibleWithin(String kind, List<SolrInputDocument> records, int millis) {
        UpdateRequest request = adds(kind, records);
        request.setCommitWithin(millis);
        update(request);
    }

    /** One request adding these records, each marked with its {@code kind}. */
    private static UpdateRequest adds(String kind, List<SolrInputDocument> records) {
        UpdateRequest request = new UpdateRequest();
        for (SolrInputDocument record : records) {
            record.setField("kind", kind);
            request.add(record);
        }
        return request;
    }

    /** A document by id, through real-time get. */
    public Optional<SolrDocument> byId(String id) {
        try {
            return Optional.ofNullable(solr.client().getById(collection, id));
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud state read failed: " + e.getMessage(), e);
        }
    }

    /** Searches records of one kind; {@code q}'s filters are added to. */
    public SolrDocumentList search(String kind, SolrQuery q) {
        q.addFilterQuery("kind:" + kind);
        return query(q).getResults();
    }

    /**
     * Every record of one kind matching {@code q}, in {@code q}'s sort order (the id breaks ties), read page by
     * page with a cursor, so a long range never asks Solr for one huge result.
     */
    public List<SolrDocument> searchAll(String kind, SolrQuery q) {
        q.addFilterQuery("kind:" + kind);
        q.addSort("id", SolrQuery.ORDER.asc);
        q.setRows(PAGE);
        List<SolrDocument> found = new ArrayList<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = query(q);
            found.addAll(page.getResults());
            String next = page.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return found;
            }
            cursor = next;
        }
    }

    private QueryResponse query(SolrQuery q) {
        try {
            // POST: a filter on thousands of answer ids does not fit in a URL
            return solr.client().query(collection, q, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud state search failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a searchable record only if it still holds {@code version} (as {@link #byId} read it in
     * {@code _version_}); false when another write came first.
     */
    public boolean deleteIfUnchanged(String id, long version) {
        UpdateRequest request = new UpdateRequest().deleteById(id, version);
        request.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        try {
            request.process(solr.client(), collection);
            return true;
        } catch (SolrServerException | IOException | SolrException e) {
            if (isConflict(e)) {
                return false;
            }
            throw new IllegalStateException("SolrCloud state write failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the records of one kind matching {@code query}, with a commit; unlike {@link #deleteWhere} it does
     * not count them first, so a record written a moment ago and not yet visible to a search goes too.
     */
    public void deleteAll(String kind, String query) {
        UpdateRequest request = new UpdateRequest().deleteByQuery("kind:" + kind + " AND (" + query + ")");
        request.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        update(request);
    }

    /** Deletes the records of one kind matching {@code query}; returns how many there were. */
    public long deleteWhere(String kind, String query) {
        SolrQuery count = new SolrQuery(query);
        count.setRows(0);
        long found = search(kind, count).getNumFound();
        if (found > 0) {
            deleteAll(kind, query);
        }
        return found;
    }

    private void update(UpdateRequest request) {
        try {
            request.process(solr.client(), collection);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud state write failed: " + e.getMessage(), e);
        }
    }

    private boolean write(String kind, String key, String value, Instant expiresAt, long version) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField("id", id(kind, key));
        doc.setField("kind", "state");
        doc.setField("state_kind_s", kind);
        doc.setField("value_stored", value);
        if (expiresAt != null) {
            doc.setField("expire_at", Date.from(expiresAt));
        }
        doc.setField("_version_", version);
        try {
            new UpdateRequest().add(doc).process(solr.client(), collection);
            return true;
        } catch (SolrServerException | IOException | SolrException e) {
            if (isConflict(e)) {
                return false;
            }
            throw new IllegalStateException("SolrCloud state write failed: " + e.getMessage(), e);
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SolrException s && s.code() == VERSION_CONFLICT) {
                return true;
            }
        }
        return false;
    }

    /** Keys hash across shards; '!' would make Solr read a routing prefix. */
    private static String id(String kind, String key) {
        return (kind + ":" + key).replace('!', '_');
    }
}

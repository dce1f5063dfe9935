package herald.index.solr;

import herald.index.Article;
import herald.index.IndexedPassage;
import herald.index.Passage;
import herald.index.PassageAnalysis;
import herald.index.PassageFilter;
import herald.index.PassageIndex;
import herald.index.ScoredPassage;
import herald.index.TextSearch;
import herald.index.VectorSearch;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The passage index on SolrCloud, shared by every Herald replica.
 *
 * <p>No reader sees part of an article: each write of an article gets a new generation. Its passages are
 * written first, invisible because every search keeps only passages whose generation is that of a live article
 * record; then the article record (one document, so an atomic switch) is overwritten with the new generation;
 * then the old generation's passages are deleted. All documents of an article share a routing prefix (its
 * lineage), so they sit on one shard and the generation filter, a join, is computed shard by shard.
 */
public class SolrPassageIndex implements PassageIndex {

    /** Titles help tell competing articles apart but must not outweigh the passage's own words (as embedded). */
    private static final String FIELDS_BM25 = "text title^0.3";
    private static final String PASSAGE_FIELDS = "article_id,ordinal,title,source,published_at,text,url,updated_at";
    private static final String ARTICLE_FIELDS = "id,lineage,gen,article_id,article_title,article_text,source,published_at,passages,"
            + "url,updated_at,content_hash";
    /** Passages whose generation is the one their article record names. Cached per searcher and warmed. */
    private static final String LIVE = "{!join from=gen to=gen}kind:article";
    private static final int MAX_PASSAGES_PER_ARTICLE = 100_000;

    private final SolrCloud solr;
    private final String collection;
    private final int batchArticles;

    public SolrPassageIndex(SolrCloud solr, int batchArticles) {
        this.solr = solr;
        this.collection = solr.collection("passages");
        this.batchArticles = batchArticles;
    }

    @Override
    public String describe() {
        return solr.describe();
    }

    @Override
    public synchronized void add(Entry entry) {
        write(List.of(entry), Map.of());
    }

    @Override
    public synchronized void addAll(Iterator<Entry> entries) {
        List<Entry> batch = new ArrayList<>(batchArticles);
        while (entries.hasNext()) {
            batch.add(entries.next());
            if (batch.size() == batchArticles) {
                write(batch, Map.of());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(batch, Map.of());
        }
    }

    @Override
    public synchronized boolean replace(String previousId, Entry replacement) {
        Optional<SolrDocument> previous = articleRecord(previousId);
        previous.ifPresent(p -> write(List.of(replacement), Map.of(replacement.article().id(), (String) p.getFieldValue("lineage"))));
        if (previous.isEmpty()) {
            write(List.of(replacement), Map.of());
        }
        return previous.isPresent();
    }

    @Override
    public synchronized boolean delete(String articleId) {
        Optional<SolrDocument> record = articleRecord(articleId);
        if (record.isEmpty()) {
            return false;
        }
        String lineage = (String) record.get().getFieldValue("lineage");
        // the article record goes first, in one step: its passages stop matching the live filter with it
        UpdateRequest switchOff = new UpdateRequest().deleteById(articleDocId(lineage));
        process(visible(switchOff));
        process(new UpdateRequest().deleteByQuery("lineage:" + quoted(lineage)));
        return true;
    }

    /**
     * Writes articles in the three steps that keep each one whole to readers: passages of the new generation,
     * then the article records (the switch), then removal of what the records no longer name.
     *
     * @param lineages for a replacement, the lineage (routing prefix) of the article it replaces
     */
    private void write(List<Entry> entries, Map<String, String> lineages) {
        Map<String, SolrDocument> existing = articleRecords(entries.stream().map(e -> e.article().id()).toList());
        UpdateRequest passages = new UpdateRequest();
        UpdateRequest records = new UpdateRequest();
        Map<String, String> replaced = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Article article = entry.article();
            SolrDocument held = existing.get(article.id());
            String lineage = lineages.getOrDefault(article.id(), held == null ? article.id() : (String) held.getFieldValue("lineage"));
            String gen = UUID.randomUUID().toString();
            for (int i = 0; i < entry.passages().size(); i++) {
                passages.add(passageDocument(lineage, gen, article, entry.passages().get(i), entry.vectors().get(i)));
            }
            records.add(articleDocument(lineage, gen, article));
            if (held != null || lineages.containsKey(article.id())) {
                replaced.put(lineage, gen);
            }
            if (held != null && !held.getFieldValue("lineage").equals(lineage)) {
                // the same article held under another lineage: it goes with the write, not kept twice
                replaced.put((String) held.getFieldValue("lineage"), "");
            }
        }
        if (!passages.getDocuments().isEmpty()) {
            process(visible(passages));
        }
        process(visible(records));
        UpdateRequest cleanup = new UpdateRequest();
        replaced.forEach((lineage, gen) -> cleanup.deleteByQuery(gen.isEmpty()
                ? "lineage:" + quoted(lineage)
                : "lineage:" + quoted(lineage) + " AND -gen:" + quoted(gen)));
        // no commit: what is removed here is already hidden by the live filter; the next write shows the deletion
        process(cleanup);
    }

    @Override
    public Optional<Article> find(String articleId) {
        return articleRecord(articleId).map(SolrPassageIndex::toArticle);
    }

    @Override
    public Optional<Article> findByContentHash(String contentHash) {
        SolrQuery q = new SolrQuery("kind:article");
        q.addFilterQuery("content_hash:" + quoted(contentHash));
        q.setFields(ARTICLE_FIELDS);
        q.setRows(1);
        Optional<Article> found = query(q).getResults().stream().findFirst().map(SolrPassageIndex::toArticle);
        // articles stored before hashes were recorded have their hash as id
        return found.isPresent() ? found : find(contentHash);
    }

    @Override
    public Optional<Entry> entry(String articleId) {
        Optional<SolrDocument> record = articleRecord(articleId);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        SolrQuery q = passagesOfQuery(articleId, (String) record.get().getFieldValue("gen"));
        q.setFields("ordinal", "text", "vector");
        List<Passage> passages = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            passages.add(new Passage(((Number) d.getFieldValue("ordinal")).intValue(), (String) d.getFieldValue("text")));
            vectors.add(vector(d.getFieldValue("vector")));
        }
        return Optional.of(new Entry(toArticle(record.get()), passages, vectors));
    }

    @Override
    public List<Article> list() {
        SolrQuery q = new SolrQuery("kind:article");
        q.setFields(ARTICLE_FIELDS);
        q.setRows(Math.max(1, articleCount()));
        q.addSort("published_at", SolrQuery.ORDER.desc);
        q.addSort("id", SolrQuery.ORDER.asc);
        return query(q).getResults().stream().map(SolrPassageIndex::toArticle).toList();
    }

    @Override
    public List<IndexedPassage> passagesOf(String articleId) {
        SolrQuery q = passagesOfQuery(articleId, null);
        q.setFields(PASSAGE_FIELDS);
        return query(q).getResults().stream().map(SolrPassageIndex::toPassage).toList();
    }

    @Override
    public Optional<float[]> vectorOf(String articleId, int ordinal) {
        SolrQuery q = passagesOfQuery(articleId, null);
        q.addFilterQuery("ordinal:" + ordinal);
        q.setFields("vector");
        q.setRows(1);
        SolrDocumentList found = query(q).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(vector(found.get(0).getFieldValue("vector")));
    }

    @Override
    public int articleCount() {
        return count(new SolrQuery("kind:article"));
    }

    @Override
    public int passageCount() {
        SolrQuery q = new SolrQuery("kind:passage");
        q.addFilterQuery(LIVE);
        return count(q);
    }

    @Override
    public List<ScoredPassage> bm25(TextSearch search) {
        Map<String, String> words = distinctWords(search.question());
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> kept = words.size() <= PassageAnalysis.MAX_QUERY_TERMS ? List.copyOf(words.keySet())
                : PassageAnalysis.rarest(documentFrequencies(words.keySet()));
        if (kept.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder();
        for (String term : kept) {
            query.append(query.isEmpty() ? "" : " ").append(ClientUtils.escapeQueryChars(words.get(term)));
        }
        SolrQuery q = new SolrQuery(query.toString());
        q.set("defType", "edismax");
        q.set("qf", FIELDS_BM25);
        // the embedded index sums a term's text and title scores: a disjunction with tie 1 is that sum
        q.set("tie", "1.0");
        q.set("q.op", "OR");
        q.set("sow", "true");
        filters(q, search.filter());
        q.setRows(search.limit());
        q.setFields(PASSAGE_FIELDS + ",score");
        return scored(q, false);
    }

    @Override
    public List<ScoredPassage> nearest(VectorSearch search) {
        int k = Math.max(search.limit(), search.candidates());
        StringBuilder vector = new StringBuilder("{!knn f=vector topK=").append(k).append("}[");
        for (int i = 0; i < search.vector().length; i++) {
            vector.append(i == 0 ? "" : ",").append(search.vector()[i]);
        }
        SolrQuery q = new SolrQuery(vector.append(']').toString());
        // filter queries beside a knn query are applied before HNSW picks its k
        filters(q, search.filter());
        q.setRows(search.limit());
        q.setFields(PASSAGE_FIELDS + ",score");
        return scored(q, true);
    }

    /**
     * The question's words reduced to one per analyzed term, in their original spelling, keyed by the term and in
     * order of first appearance: Solr analyzes them again with the same analyzer, and a word repeated in a
     * question counts once, as in the embedded index.
     */
    static Map<String, String> distinctWords(String question) {
        Map<String, String> words = new LinkedHashMap<>();
        try (TokenStream ts = PassageAnalysis.analyzer().tokenStream("text", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.putIfAbsent(term.toString(), question.substring(offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * How many passages hold each term in their text or title, summed over the shards by Solr's terms component:
     * asked only of a question with more terms than a query keeps, so it can keep the rarest, as the embedded
     * index does.
     */
    private Map<String, Integer> documentFrequencies(Collection<String> terms) {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        q.set("terms", true);
        q.set("terms.fl", "text", "title");
        // the list is split on commas, and a number such as 1,000 is one term: escape them
        q.set("terms.list", String.join(",", terms.stream().map(t -> t.replace("\\", "\\\\").replace(",", "\\,")).toList()));
        q.set("terms.limit", -1);
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        terms.forEach(t -> frequencies.put(t, 0));
        try {
            TermsResponse response = solr.client().query(collection, q, SolrRequest.METHOD.POST).getTermsResponse();
            for (String field : List.of("text", "title")) {
                List<TermsResponse.Term> counted = response == null ? null : response.getTerms(field);
                if (counted != null) {
                    counted.forEach(t -> frequencies.computeIfPresent(t.getTerm(), (k, n) -> n + (int) t.getFrequency()));
                }
            }
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud term statistics failed: " + e.getMessage(), e);
        }
        return frequencies;
    }

    private static void filters(SolrQuery q, PassageFilter filter) {
        q.addFilterQuery("kind:passage");
        q.addFilterQuery(LIVE);
        if (!filter.isAny()) {
            q.addFilterQuery("published_at:[" + day(filter.publishedFrom(), "*") + " TO " + day(filter.publishedTo(), "*") + "]");
        }
    }

    private static String day(LocalDate date, String open) {
        return date == null ? open : date.toString() + "T00:00:00Z";
    }

    private SolrQuery passagesOfQuery(String articleId, String gen) {
        SolrQuery q = new SolrQuery("kind:passage");
        q.addFilterQuery("article_id:" + quoted(articleId));
        q.addFilterQuery(gen == null ? LIVE : "gen:" + quoted(gen));
        q.addSort("ordinal", SolrQuery.ORDER.asc);
        q.setRows(MAX_PASSAGES_PER_ARTICLE);
        return q;
    }

    private List<ScoredPassage> scored(SolrQuery q, boolean cosine) {
        List<ScoredPassage> result = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            double score = ((Number) d.getFieldValue("score")).doubleValue();
            // Lucene scores cosine as (1 + cos) / 2; callers want the cosine itself
            result.add(new ScoredPassage(toPassage(d), cosine ? 2 * score - 1 : score));
        }
        return result;
    }

    private Optional<SolrDocument> articleRecord(String articleId) {
        return Optional.ofNullable(articleRecords(List.of(articleId)).get(articleId));
    }

    /** The live article records of these ids, by id. */
    private Map<String, SolrDocument> articleRecords(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        SolrQuery q = new SolrQuery("kind:article");
        q.addFilterQuery("{!terms f=article_id separator=\"\u001f\"}" + String.join("\u001f", articleIds));
        q.setFields(ARTICLE_FIELDS);
        q.setRows(articleIds.size() * 2);
        Map<String, SolrDocument> byId = new HashMap<>();
        for (SolrDocument d : query(q).getResults()) {
            byId.putIfAbsent((String) d.getFieldValue("article_id"), d);
        }
        return byId;
    }

    private int count(SolrQuery q) {
        q.setRows(0);
        return (int) query(q).getResults().getNumFound();
    }

    private QueryResponse query(SolrQuery q) {
        try {
            return solr.client().query(collection, q);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud query failed: " + e.getMessage(), e);
        }
    }

    private void process(UpdateRequest request) {
        if ((request.getDocuments() == null || request.getDocuments().isEmpty())
                && (request.getDeleteQuery() == null || request.getDeleteQuery().isEmpty())
                && (request.getDeleteById() == null || request.getDeleteById().isEmpty())) {
            return;
        }
        try {
            request.process(solr.client(), collection);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("SolrCloud update failed: " + e.getMessage(), e);
        }
    }

    /** The request, then a soft commit that returns once every replica searches what it wrote. */
    private static UpdateRequest visible(UpdateRequest request) {
        request.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        return request;
    }

    /** The routing prefix: every document of a lineage hashes to the same shard. */
    private static String route(String lineage) {
        return lineage.replace('!', '_');
    }

    private static String articleDocId(String lineage) {
        return route(lineage) + "!article";
    }

    private static SolrInputDocument articleDocument(String lineage, String gen, Article article) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField("id", articleDocId(lineage));
        doc.setField("kind", "article");
        doc.setField("lineage", lineage);
        doc.setField("gen", gen);
        doc.setField("article_id", article.id());
        doc.setField("article_title", article.title());
        doc.setField("article_text", article.text());
        if (article.source() != null) {
            doc.setField("source", article.source());
        }
        if (article.publishedAt() != null) {
            doc.setField("published_at", date(article.publishedAt()));
        }
        doc.setField("passages", article.passages());
        if (article.contentHash() != null) {
            doc.setField("content_hash", article.contentHash());
        }
        identity(doc, article);
        return doc;
    }

    private static SolrInputDocument passageDocument(String lineage, String gen, Article article, Passage passage, float[] vector) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField("id", route(lineage) + "!" + gen + "-" + passage.ordinal());
        doc.setField("kind", "passage");
        doc.setField("lineage", lineage);
        doc.setField("gen", gen);
        doc.setField("article_id", article.id());
        doc.setField("ordinal", passage.ordinal());
        doc.setField("title", article.title());
        doc.setField("text", passage.text());
        if (article.source() != null) {
            doc.setField("source", article.source());
        }
        if (article.publishedAt() != null) {
            doc.setField("published_at", date(article.publishedAt()));
        }
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        doc.setField("vector", values);
        identity(doc, article);
        return doc;
    }

    /** URL and update time, on the article record and on each passage, which is cited alone. */
    private static void identity(SolrInputDocument doc, Article article) {
        if (article.url() != null) {
            doc.setField("url", article.url());
        }
        if (article.updatedAt() != null) {
            doc.setField("updated_at", Date.from(article.updatedAt()));
        }
    }

    private static Article toArticle(SolrDocument d) {
        String id = (String) d.getFieldValue("article_id");
        String hash = (String) d.getFieldValue("content_hash");
        return new Article(id, (String) d.getFieldValue("article_title"),
                (String) d.getFieldValue("article_text"), (String) d.getFieldValue("source"),
                localDate(d.getFieldValue("published_at")), ((Number) d.getFieldValue("passages")).intValue(),
                (String) d.getFieldValue("url"), instant(d.getFieldValue("updated_at")), hash == null ? id : hash);
    }

    private static IndexedPassage toPassage(SolrDocument d) {
        return new IndexedPassage((String) d.getFieldValue("article_id"), ((Number) d.getFieldValue("ordinal")).intValue(),
                (String) d.getFieldValue("title"), (String) d.getFieldValue("source"),
                localDate(d.getFieldValue("published_at")), (String) d.getFieldValue("text"),
                (String) d.getFieldValue("url"), instant(d.getFieldValue("updated_at")));
    }

    private static float[] vector(Object stored) {
        List<?> values = (List<?>) stored;
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(i)).floatValue();
        }
        return v;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static java.time.Instant instant(Object stored) {
        return stored == null ? null : ((Date) stored).toInstant();
    }

    private static LocalDate localDate(Object stored) {
        return stored == null ? null : ((Date) stored).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Closes nothing: the connection belongs to {@link SolrCloud}, shared with the stores. */
    @Override
    public void close() {
    }
}

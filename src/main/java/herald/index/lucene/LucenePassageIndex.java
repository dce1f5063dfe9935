package herald.index.lucene;

import herald.index.Article;
import herald.index.IndexedPassage;
import herald.index.Passage;
import herald.index.PassageAnalysis;
import herald.index.PassageFilter;
import herald.index.PassageIndex;
import herald.index.ScoredPassage;
import herald.index.TextSearch;
import herald.index.VectorSearch;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded, on-disk Lucene index: one record per article plus one per passage, each passage holding its
 * text (for BM25) and its embedding (HNSW). Every article is committed on its own, so a crash mid-ingestion
 * leaves every earlier article searchable; searchers are refreshed only after a whole article is written.
 */
public class LucenePassageIndex implements PassageIndex {

    private static final Logger LOG = Logger.getLogger(LucenePassageIndex.class);
    /** Titles help tell competing articles apart but must not outweigh the passage's own words. */
    private static final float TITLE_BOOST = 0.3f;

    /**
     * Indexing buffer during {@link #addAll}: Lucene's default 16 MB flushes a segment every few thousand
     * passages and then merges them, rebuilding HNSW graphs again and again; 256 MB holds about 100k
     * passages per segment. Costs that much heap while a bulk load runs, and only then.
     */
    private static final double BULK_RAM_BUFFER_MB = 256;

    private final Path directory;
    private final FSDirectory fsDirectory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LucenePassageIndex(Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
            fsDirectory = FSDirectory.open(directory);
            IndexWriterConfig writerConfig = new IndexWriterConfig(PassageAnalysis.analyzer());
            writerConfig.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(fsDirectory, writerConfig);
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IllegalStateException("The index at " + directory
                    + " is in use by another Herald process; stop it or set herald.data-dir to another folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index at " + directory, e);
        }
        LOG.infof("Index open at %s: %d articles, %d passages", directory, articleCount(), passageCount());
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return "lucene:" + directory;
    }

    @Override
    public synchronized void add(Entry entry) {
        try {
            // one call replaces any earlier copy with the whole new article: no reader sees half of either
            writer.updateDocuments(new Term(PassageFields.DOC_ID, entry.article().id()), documents(entry));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds many articles and commits once at the end, so nothing of the load is durable until it returns
     * (unlike {@link #add}, which commits each article).
     */
    @Override
    public synchronized void addAll(Iterator<Entry> entries) {
        double ramBuffer = writer.getConfig().getRAMBufferSizeMB();
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
        try {
            while (entries.hasNext()) {
                Entry e = entries.next();
                writer.updateDocuments(new Term(PassageFields.DOC_ID, e.article().id()), documents(e));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.getConfig().setRAMBufferSizeMB(ramBuffer);
        }
    }

    @Override
    public synchronized boolean replace(String previousId, Entry replacement) {
        boolean existed = countOf(new TermQuery(new Term(PassageFields.DOC_ID, previousId))) > 0;
        try {
            // searchers refresh only after both steps: the old and the new article are never both visible
            writer.deleteDocuments(new Term(PassageFields.DOC_ID, previousId));
            writer.updateDocuments(new Term(PassageFields.DOC_ID, replacement.article().id()), documents(replacement));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return existed;
    }

    @Override
    public synchronized boolean delete(String articleId) {
        if (countOf(new TermQuery(new Term(PassageFields.DOC_ID, articleId))) == 0) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(PassageFields.DOC_ID, articleId));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /**
     * Merges the index into one segment, for after a bulk load: one HNSW graph to search instead of one per
     * segment. Costly: it rewrites the whole index and rebuilds its graph (minutes at 500k passages).
     */
    public synchronized void forceMerge() {
        try {
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segments in the searchable index: each has its own HNSW graph, searched one after the other. */
    public int segmentCount() {
        return search(searcher -> searcher.getIndexReader().leaves().size());
    }

    @Override
    public Optional<Article> find(String articleId) {
        return search(searcher -> {
            TopDocs top = searcher.search(ofArticle(PassageFields.KIND_ARTICLE, articleId), 1);
            return top.scoreDocs.length == 0 ? Optional.<Article>empty()
                    : Optional.of(toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public Optional<Article> findByContentHash(String hash) {
        Optional<Article> found = search(searcher -> {
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_ARTICLE)), Occur.FILTER)
                    .add(new TermQuery(new Term(PassageFields.HASH, hash)), Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(q, 1);
            return top.scoreDocs.length == 0 ? Optional.<Article>empty()
                    : Optional.of(toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
        // articles stored before hashes were recorded have their hash as id
        return found.isPresent() ? found : find(hash);
    }

    @Override
    public Optional<Entry> entry(String articleId) {
        return search(searcher -> {
            TopDocs top = searcher.search(ofArticle(PassageFields.KIND_ARTICLE, articleId), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<Entry>empty();
            }
            Article article = toArticle(searcher.storedFields().document(top.scoreDocs[0].doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Query q = ofArticle(PassageFields.KIND_PASSAGE, articleId);
            record Stored(Passage passage, float[] vector) {
            }
            List<Stored> stored = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.count(q))).scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc);
                stored.add(new Stored(new Passage(doc.getField(PassageFields.ORDINAL).numericValue().intValue(),
                        doc.get(PassageFields.TEXT)), vectorAt(leaves, sd.doc)));
            }
            stored.sort(Comparator.comparingInt(s -> s.passage().ordinal()));
            List<Passage> passages = stored.stream().map(Stored::passage).toList();
            List<float[]> vectors = stored.stream().map(Stored::vector).toList();
            return Optional.of(new Entry(article, passages, vectors));
        });
    }

    @Override
    public List<Article> list() {
        return search(searcher -> {
            Query q = new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_ARTICLE));
            int n = Math.max(1, searcher.count(q));
            TopDocs top = searcher.search(q, n, new Sort(new SortField(PassageFields.ARTICLE_PUBLISHED_AT, SortField.Type.STRING, true)));
            List<Article> articles = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                articles.add(toArticle(searcher.storedFields().document(sd.doc)));
            }
            return articles;
        });
    }

    @Override
    public List<IndexedPassage> passagesOf(String articleId) {
        return search(searcher -> {
            Query q = ofArticle(PassageFields.KIND_PASSAGE, articleId);
            int n = Math.max(1, searcher.count(q));
            List<IndexedPassage> passages = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                passages.add(toPassage(searcher.storedFields().document(sd.doc)));
            }
            passages.sort(Comparator.comparingInt(IndexedPassage::ordinal));
            return passages;
        });
    }

    @Override
    public int articleCount() {
        return countOf(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_ARTICLE)));
    }

    @Override
    public int passageCount() {
        return countOf(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE)));
    }

    @Override
    public List<ScoredPassage> bm25(TextSearch search) {
        List<String> terms = search(searcher -> mostDiscriminating(searcher.getIndexReader(), PassageAnalysis.terms(search.question())));
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            words.add(new TermQuery(new Term(PassageFields.TEXT, term)), Occur.SHOULD);
            words.add(new BoostQuery(new TermQuery(new Term(PassageFields.TITLE, term)), TITLE_BOOST), Occur.SHOULD);
        }
        Query q = new BooleanQuery.Builder()
                .add(words.build(), Occur.MUST)
                .add(passages(search.filter()), Occur.FILTER)
                .build();
        return scored(q, search.limit(), false);
    }

    /** The question's terms a BM25 query keeps ({@link PassageAnalysis#rarest}), by this index's document frequencies. */
    static List<String> mostDiscriminating(IndexReader reader, Set<String> terms) throws IOException {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        for (String term : terms) {
            frequencies.put(term, reader.docFreq(new Term(PassageFields.TEXT, term)) + reader.docFreq(new Term(PassageFields.TITLE, term)));
        }
        return PassageAnalysis.rarest(frequencies);
    }

    @Override
    public List<ScoredPassage> nearest(VectorSearch search) {
        int k = Math.max(search.limit(), search.candidates());
        return scored(new KnnFloatVectorQuery(PassageFields.VECTOR, search.vector(), k, passages(search.filter())),
                search.limit(), true);
    }

    @Override
    public Optional<float[]> vectorOf(String articleId, int ordinal) {
        return search(searcher -> {
            Query q = ofArticle(PassageFields.KIND_PASSAGE, articleId);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.count(q))).scoreDocs) {
                Document stored = searcher.storedFields().document(sd.doc, Set.of(PassageFields.ORDINAL));
                if (stored.getField(PassageFields.ORDINAL).numericValue().intValue() == ordinal) {
                    return Optional.ofNullable(vectorAt(leaves, sd.doc));
                }
            }
            return Optional.<float[]>empty();
        });
    }

    private static float[] vectorAt(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(PassageFields.VECTOR);
        if (vectors != null && vectors.advance(doc - leaf.docBase) == doc - leaf.docBase) {
            return vectors.vectorValue().clone();
        }
        return null;
    }

    /** Passages only, within the filter's publication window. */
    private static Query passages(PassageFilter filter) {
        Query kind = new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE));
        if (filter.isAny()) {
            return kind;
        }
        long from = filter.publishedFrom() == null ? Long.MIN_VALUE : filter.publishedFrom().toEpochDay();
        long to = filter.publishedTo() == null ? Long.MAX_VALUE : filter.publishedTo().toEpochDay();
        return new BooleanQuery.Builder()
                .add(kind, Occur.FILTER)
                .add(LongPoint.newRangeQuery(PassageFields.PUBLISHED_DAY, from, to), Occur.FILTER)
                .build();
    }

    private List<ScoredPassage> scored(Query q, int n, boolean cosine) {
        return search(searcher -> {
            List<ScoredPassage> result = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                // Lucene scores cosine as (1 + cos) / 2; callers want the cosine itself
                double score = cosine ? 2 * sd.score - 1 : sd.score;
                result.add(new ScoredPassage(toPassage(searcher.storedFields().document(sd.doc)), score));
            }
            return result;
        });
    }

    /** The article record ({@code KIND_ARTICLE}) or the passages ({@code KIND_PASSAGE}) of one article. */
    private static Query ofArticle(String kind, String articleId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageFields.KIND, kind)), Occur.FILTER)
                .add(new TermQuery(new Term(PassageFields.DOC_ID, articleId)), Occur.FILTER)
                .build();
    }

    private int countOf(Query q) {
        return search(searcher -> searcher.count(q));
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(SearchFunction<T> fn) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return fn.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Document> documents(Entry entry) {
        List<Document> docs = new ArrayList<>();
        docs.add(articleDocument(entry.article()));
        for (int i = 0; i < entry.passages().size(); i++) {
            docs.add(passageDocument(entry.article(), entry.passages().get(i), entry.vectors().get(i)));
        }
        return docs;
    }

    private static Document articleDocument(Article article) {
        Document doc = new Document();
        doc.add(new StringField(PassageFields.KIND, PassageFields.KIND_ARTICLE, Field.Store.NO));
        doc.add(new StringField(PassageFields.DOC_ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(PassageFields.ARTICLE_TITLE, article.title()));
        doc.add(new StoredField(PassageFields.ARTICLE_TEXT, article.text()));
        if (article.source() != null) {
            doc.add(new StoredField(PassageFields.SOURCE, article.source()));
        }
        String published = article.publishedAt() == null ? "" : article.publishedAt().toString();
        doc.add(new StoredField(PassageFields.ARTICLE_PUBLISHED_AT, published));
        doc.add(new SortedDocValuesField(PassageFields.ARTICLE_PUBLISHED_AT, new BytesRef(published)));
        doc.add(new StoredField(PassageFields.PASSAGE_COUNT, article.passages()));
        if (article.contentHash() != null) {
            doc.add(new StringField(PassageFields.HASH, article.contentHash(), Field.Store.YES));
        }
        addIdentity(doc, article);
        return doc;
    }

    private static Document passageDocument(Article article, Passage passage, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(PassageFields.KIND, PassageFields.KIND_PASSAGE, Field.Store.NO));
        doc.add(new StringField(PassageFields.DOC_ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(PassageFields.ORDINAL, passage.ordinal()));
        doc.add(new TextField(PassageFields.TITLE, article.title(), Field.Store.YES));
        doc.add(new TextField(PassageFields.TEXT, passage.text(), Field.Store.YES));
        if (article.source() != null) {
            doc.add(new StoredField(PassageFields.SOURCE, article.source()));
        }
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PassageFields.PUBLISHED_AT, article.publishedAt().toString()));
            doc.add(new LongPoint(PassageFields.PUBLISHED_DAY, article.publishedAt().toEpochDay()));
        }
        doc.add(new KnnFloatVectorField(PassageFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
        addIdentity(doc, article);
        return doc;
    }

    /** URL and update time, on the article record and on each passage, which is cited alone. */
    private static void addIdentity(Document doc, Article article) {
        if (article.url() != null) {
            doc.add(new StringField(PassageFields.URL, article.url(), Field.Store.YES));
        }
        if (article.updatedAt() != null) {
            doc.add(new StoredField(PassageFields.UPDATED_AT, article.updatedAt().toString()));
        }
    }

    private static Article toArticle(Document doc) {
        String id = doc.get(PassageFields.DOC_ID);
        String hash = doc.get(PassageFields.HASH);
        return new Article(id, doc.get(PassageFields.ARTICLE_TITLE), doc.get(PassageFields.ARTICLE_TEXT),
                doc.get(PassageFields.SOURCE), date(doc.get(PassageFields.ARTICLE_PUBLISHED_AT)),
                doc.getField(PassageFields.PASSAGE_COUNT).numericValue().intValue(),
                doc.get(PassageFields.URL), instant(doc.get(PassageFields.UPDATED_AT)), hash == null ? id : hash);
    }

    private static IndexedPassage toPassage(Document doc) {
        return new IndexedPassage(doc.get(PassageFields.DOC_ID), doc.getField(PassageFields.ORDINAL).numericValue().intValue(),
                doc.get(PassageFields.TITLE), doc.get(PassageFields.SOURCE), date(doc.get(PassageFields.PUBLISHED_AT)),
                doc.get(PassageFields.TEXT), doc.get(PassageFields.URL), instant(doc.get(PassageFields.UPDATED_AT)));
    }

    private static java.time.Instant instant(String value) {
        return value == null || value.isEmpty() ? null : java.time.Instant.parse(value);
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            fsDirectory.close();
        } catch (IOException e) {
            LOG.warn("Closing the index failed", e);
        }
    }
}

package herald.index;

import herald.config.HeraldConfig;
import herald.ingest.Article;
import herald.ingest.Passage;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
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
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The on-disk Lucene index: one record per article plus one per passage, each passage holding its text
 * (for BM25) and its embedding (HNSW). Every article is committed on its own, so a crash mid-ingestion
 * leaves every earlier article searchable.
 */
@Startup
@Singleton
public class PassageIndex {

    private static final Logger LOG = Logger.getLogger(PassageIndex.class);
    /** Titles help tell competing articles apart but must not outweigh the passage's own words. */
    private static final float TITLE_BOOST = 0.3f;
    /**
     * Indexing buffer during {@link #addAll}: Lucene's default 16 MB flushes a segment every few thousand
     * passages and then merges them, rebuilding HNSW graphs again and again; 256 MB holds about 100k
     * passages per segment. Costs that much heap while a bulk load runs, and only then.
     */
    private static final double BULK_RAM_BUFFER_MB = 256;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Path directory;
    private final FSDirectory fsDirectory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    @Inject
    public PassageIndex(HeraldConfig config) {
        this(config.dataDir().resolve("index"));
    }

    public PassageIndex(Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
            fsDirectory = FSDirectory.open(directory);
            IndexWriterConfig writerConfig = new IndexWriterConfig(analyzer);
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

    /** Adds an article and its passages atomically, then commits. */
    public synchronized void add(Article article, List<Passage> passages, List<float[]> vectors) {
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per passage");
        }
        List<Document> docs = new ArrayList<>();
        docs.add(articleDocument(article));
        for (int i = 0; i < passages.size(); i++) {
            docs.add(passageDocument(article, passages.get(i), vectors.get(i)));
        }
        try {
            writer.addDocuments(docs);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article with its passages and one vector per passage, as {@link #add} takes them. */
    public record Entry(Article article, List<Passage> passages, List<float[]> vectors) {
    }

    /**
     * For bulk loads and benchmarks: adds many articles and commits once at the end, so nothing of the
     * load is durable until it returns (unlike {@link #add}, which commits each article). Reads the
     * entries lazily, so a load need not fit in memory.
     */
    public synchronized void addAll(Iterator<Entry> entries) {
        double ramBuffer = writer.getConfig().getRAMBufferSizeMB();
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
        try {
            while (entries.hasNext()) {
                Entry e = entries.next();
                if (e.passages().size() != e.vectors().size()) {
                    throw new IllegalArgumentException("one vector per passage");
                }
                writer.addDocument(articleDocument(e.article()));
                for (int i = 0; i < e.passages().size(); i++) {
                    writer.addDocument(passageDocument(e.article(), e.passages().get(i), e.vectors().get(i)));
                }
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.getConfig().setRAMBufferSizeMB(ramBuffer);
        }
    }

    /**
     * Merges the index into one segment, for after a bulk load: one HNSW graph to search instead of one per
     * segment. Costly: it rewrites the whole index and rebuilds its graph (minutes at 500k passages).
     */
    public synchronized void forceMerge() {
        try {
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segments in the searchable index: each has its own HNSW graph, searched one after the other. */
    public int segmentCount() {
        return search(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Adds one passage that arrives without its article (the {@code EmbeddingStore} path). */
    synchronized void addPassage(IndexedPassage passage, float[] vector) {
        Article owner = new Article(passage.documentId(), passage.title(), "", passage.source(), passage.publishedAt(), 0);
        try {
            writer.addDocument(passageDocument(owner, new Passage(passage.ordinal(), passage.text()), vector));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an article and every passage of it; false when there was no such article. */
    public synchronized boolean delete(String documentId) {
        if (search(searcher -> searcher.count(new TermQuery(new Term(PassageFields.DOC_ID, documentId)))) == 0) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(PassageFields.DOC_ID, documentId));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    public Optional<Article> find(String documentId) {
        return search(searcher -> {
            TopDocs top = searcher.search(ofDocument(PassageFields.KIND_ARTICLE, documentId), 1);
            return top.scoreDocs.length == 0 ? Optional.<Article>empty()
                    : Optional.of(toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /** Articles, newest publication first. */
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

    public List<IndexedPassage> passagesOf(String documentId) {
        return search(searcher -> {
            Query q = ofDocument(PassageFields.KIND_PASSAGE, documentId);
            int n = Math.max(1, searcher.count(q));
            List<IndexedPassage> passages = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                passages.add(toPassage(searcher.storedFields().document(sd.doc)));
            }
            passages.sort(java.util.Comparator.comparingInt(IndexedPassage::ordinal));
            return passages;
        });
    }

    public int articleCount() {
        return count(PassageFields.KIND_ARTICLE);
    }

    public int passageCount() {
        return count(PassageFields.KIND_PASSAGE);
    }

    /** BM25 over passage text and, lightly, the article title. */
    public List<ScoredPassage> bm25(String question, int n) {
        Set<String> terms = analyze(question);
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
                .add(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE)), Occur.FILTER)
                .build();
        return scored(q, n, false);
    }

    /**
     * Nearest passages by cosine similarity. HNSW's k is also its search width, so it is asked for
     * {@code candidates} and only the best {@code n} are kept.
     */
    public List<ScoredPassage> nearest(float[] vector, int n, int candidates) {
        return scored(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, Math.max(n, candidates)), n, true);
    }

    /**
     * The vector stored with a passage at ingestion (the embedding of its title and text), or empty when the
     * passage is gone: reading it costs a lookup, embedding the passage again costs a model call.
     */
    public Optional<float[]> vectorOf(String documentId, int ordinal) {
        return search(searcher -> {
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE)), Occur.FILTER)
                    .add(new TermQuery(new Term(PassageFields.DOC_ID, documentId)), Occur.FILTER)
                    .build();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.count(q))).scoreDocs) {
                Document stored = searcher.storedFields().document(sd.doc, Set.of(PassageFields.ORDINAL));
                if (stored.getField(PassageFields.ORDINAL).numericValue().intValue() != ordinal) {
                    continue;
                }
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues(PassageFields.VECTOR);
                if (vectors != null && vectors.advance(sd.doc - leaf.docBase) == sd.doc - leaf.docBase) {
                    return Optional.of(vectors.vectorValue().clone());
                }
            }
            return Optional.<float[]>empty();
        });
    }

    /** The analyzer's terms for a text: lower-cased, stemmed, without stop words. */
    public Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(PassageFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** How many passages contain a term: rare words say more about a question than common ones. */
    public int documentFrequency(String term) {
        return search(searcher -> searcher.getIndexReader().docFreq(new Term(PassageFields.TEXT, term)));
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
    private static Query ofDocument(String kind, String documentId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageFields.KIND, kind)), Occur.FILTER)
                .add(new TermQuery(new Term(PassageFields.DOC_ID, documentId)), Occur.FILTER)
                .build();
    }

    private int count(String kind) {
        return search(searcher -> searcher.count(new TermQuery(new Term(PassageFields.KIND, kind))));
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
        doc.add(new org.apache.lucene.document.SortedDocValuesField(PassageFields.ARTICLE_PUBLISHED_AT,
                new org.apache.lucene.util.BytesRef(published)));
        doc.add(new StoredField(PassageFields.PASSAGE_COUNT, article.passages()));
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
        }
        doc.add(new KnnFloatVectorField(PassageFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static Article toArticle(Document doc) {
        return new Article(doc.get(PassageFields.DOC_ID), doc.get(PassageFields.ARTICLE_TITLE), doc.get(PassageFields.ARTICLE_TEXT),
                doc.get(PassageFields.SOURCE), date(doc.get(PassageFields.ARTICLE_PUBLISHED_AT)),
                doc.getField(PassageFields.PASSAGE_COUNT).numericValue().intValue());
    }

    private static IndexedPassage toPassage(Document doc) {
        return new IndexedPassage(doc.get(PassageFields.DOC_ID), doc.getField(PassageFields.ORDINAL).numericValue().intValue(),
                doc.get(PassageFields.TITLE), doc.get(PassageFields.SOURCE), date(doc.get(PassageFields.PUBLISHED_AT)),
                doc.get(PassageFields.TEXT));
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    @PreDestroy
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

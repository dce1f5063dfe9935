package herald.index;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Herald needs from its index of articles and passages, whichever engine holds it: the embedded
 * Lucene index ({@code herald.index.backend=lucene}, the default) or SolrCloud ({@code solr}). Each article is
 * stored with its passages and one vector per passage; readers never see part of an article.
 */
public interface PassageIndex extends AutoCloseable {

    /** An article with its passages and one vector per passage, as it is stored. */
    record Entry(Article article, List<Passage> passages, List<float[]> vectors) {
        public Entry {
            if (passages.size() != vectors.size()) {
                throw new IllegalArgumentException("one vector per passage");
            }
        }
    }

    /** Stores an article with its passages, replacing any article of the same id, in one step. */
    void add(Entry entry);

    default void add(Article article, List<Passage> passages, List<float[]> vectors) {
        add(new Entry(article, passages, vectors));
    }

    /**
     * For bulk loads and migration: stores many articles in batches. Reads the entries lazily, so a load need
     * not fit in memory; what is durable before it returns depends on the engine.
     */
    void addAll(Iterator<Entry> entries);

    /**
     * Puts {@code replacement} in the place of the article {@code previousId} in one step: a search sees either
     * the old article or the new one, never both and never a part of either.
     *
     * @return false when there was no article {@code previousId} (the replacement is stored anyway)
     */
    boolean replace(String previousId, Entry replacement);

    /** Removes an article and every passage of it in one step; false when there was no such article. */
    boolean delete(String articleId);

    Optional<Article> find(String articleId);

    /** The article holding this text (by the hash of its cleaned text), under whatever URL. */
    Optional<Article> findByContentHash(String contentHash);

    /** An article with its passages and their vectors, as {@link #add} took it (for migration). */
    Optional<Entry> entry(String articleId);

    /** Articles, newest publication first. */
    List<Article> list();

    /** An article's passages, in order. */
    List<IndexedPassage> passagesOf(String articleId);

    /**
     * The vector stored with a passage at ingestion (the embedding of its title and text), or empty when the
     * passage is gone: reading it costs a lookup, embedding the passage again costs a model call.
     */
    Optional<float[]> vectorOf(String articleId, int ordinal);

    int articleCount();

    int passageCount();

    /** BM25 over passage text and, lightly, the article title. */
    List<ScoredPassage> bm25(TextSearch search);

    /** Nearest passages by cosine similarity; the score is the cosine itself. */
    List<ScoredPassage> nearest(VectorSearch search);

    default List<ScoredPassage> bm25(String question, int limit) {
        return bm25(TextSearch.of(question, limit));
    }

    default List<ScoredPassage> nearest(float[] vector, int limit, int candidates) {
        return nearest(VectorSearch.of(vector, limit, candidates));
    }

    /** The analyzer's terms for a text: lower-cased, stemmed, without stop words, as both engines index them. */
    default Set<String> analyze(String text) {
        return PassageAnalysis.terms(text);
    }

    /** Where the index lives, for logs and the health check. */
    String describe();

    @Override
    void close();
}

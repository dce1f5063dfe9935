package herald.ingest;

/**
 * Which bundled articles an operator deleted, so that a restart does not ingest them again. State behind an
 * interface: the embedded implementation keeps it in a file under {@code herald.data-dir}.
 */
public interface DeletedBundledArticles {

    boolean contains(String articleId);

    void add(String articleId);
}

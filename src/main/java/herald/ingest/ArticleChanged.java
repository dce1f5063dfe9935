package herald.ingest;

/**
 * Fired (as a CDI event) after an article was added, replaced by a newer version, or deleted, so that
 * whatever remembers answers built on it (the answer cache) can forget them.
 */
public record ArticleChanged(String articleId, String url, Change change) {

    public enum Change {
        ADDED, REPLACED, DELETED
    }
}

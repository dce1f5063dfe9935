package herald.ingest;

/**
 * An article Herald will not take although it is well formed: a page that cannot be reduced within the
 * time allowed, or a text too long to be one news article. Channels answer it with 422.
 */
public class UnprocessableArticleException extends RuntimeException {

    public UnprocessableArticleException(String message) {
        super(message);
    }
}

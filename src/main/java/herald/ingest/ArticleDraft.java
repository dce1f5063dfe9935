package herald.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article as submitted, before cleaning: what a user, a file or a news feed gives us.
 *
 * @param url       the article's canonical address, when it has one: its identity
 * @param updatedAt when the article says it was last modified, if it says
 */
public record ArticleDraft(String title, String text, String source, LocalDate publishedAt, String url, Instant updatedAt) {

    public ArticleDraft(String title, String text, String source, LocalDate publishedAt) {
        this(title, text, source, publishedAt, null, null);
    }
}

package herald.index;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A passage as stored, with the metadata of its article so it can be cited alone.
 *
 * @param url       the article's address, or null for an article posted without one
 * @param updatedAt when the article was last changed, or null
 */
public record IndexedPassage(String documentId, int ordinal, String title, String source, LocalDate publishedAt,
                             String text, String url, Instant updatedAt) {

    public IndexedPassage(String documentId, int ordinal, String title, String source, LocalDate publishedAt, String text) {
        this(documentId, ordinal, title, source, publishedAt, text, null, null);
    }

    /** Stable across restarts: article id and position. */
    public String passageId() {
        return documentId + "#" + ordinal;
    }
}

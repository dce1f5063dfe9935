package herald.index;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A cleaned article as the index holds it. An article with a URL is identified by it, so a changed page
 * replaces its earlier version; one without (posted text) is identified by its content hash, so the same
 * text ingested twice is the same article.
 *
 * @param url         the article's canonical address, or null for an article posted without one
 * @param updatedAt   when the article was last changed (its own {@code dateModified}, else when Herald saw the
 *                    change), or null when it never was
 * @param contentHash hash of the cleaned text: the same text under two URLs is stored once
 */
public record Article(String id, String title, String text, String source, LocalDate publishedAt, int passages,
                      String url, Instant updatedAt, String contentHash) {

    /** An article without URL, identified by its content hash (its id). */
    public Article(String id, String title, String text, String source, LocalDate publishedAt, int passages) {
        this(id, title, text, source, publishedAt, passages, null, null, id);
    }
}

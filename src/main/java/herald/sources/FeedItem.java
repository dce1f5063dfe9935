package herald.sources;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of a feed or sitemap: where its article is, and what the feed itself says about it.
 *
 * @param content the feed's own copy of the article (HTML or text), used when the page cannot be had
 */
public record FeedItem(String url, String title, OffsetDateTime publishedAt, Instant updatedAt, String content, String author) {

    /** The newest date the feed gives for the item, or null. */
    public Instant lastChanged() {
        Instant published = publishedAt == null ? null : publishedAt.toInstant();
        if (updatedAt == null) {
            return published;
        }
        return published == null || updatedAt.isAfter(published) ? updatedAt : published;
    }
}

package herald.sources;

import java.time.Instant;
import java.util.Map;

/**
 * Everything kept about a source between polls: the source, its status, the validators of its feed for a
 * conditional request, and what is known of each item (by URL).
 */
public record SourceRecord(FeedSource source, SourceStatus status, PoliteFetcher.Validators feedValidators,
                           Map<String, KnownItem> items) {

    /**
     * An item already ingested.
     *
     * @param articleId   the article it became (to purge with the source)
     * @param lastChanged the newest date the feed gave for it when it was last fetched
     * @param page        validators of its page, for a conditional request
     */
    public record KnownItem(String articleId, Instant lastChanged, PoliteFetcher.Validators page) {
    }

    public SourceRecord with(SourceStatus status) {
        return new SourceRecord(source, status, feedValidators, items);
    }
}

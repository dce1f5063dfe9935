package herald.sources;

import java.time.Instant;

/**
 * How polling a source went.
 *
 * @param lastPoll  the items of the last poll
 * @param total     the items of every poll since the source was added
 * @param lastError the last thing that went wrong (the feed or one item), kept until a poll without errors
 */
public record SourceStatus(Instant lastPollAt, Instant nextPollAt, ItemCounts lastPoll, ItemCounts total,
                           String lastError, Instant lastErrorAt) {

    public static SourceStatus firstPollAt(Instant next) {
        return new SourceStatus(null, next, ItemCounts.NONE, ItemCounts.NONE, null, null);
    }
}

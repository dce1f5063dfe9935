package herald.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Slack retry memory of one process (the embedded default). Bounded in time and in entries: an id older
 * than the retry window, or beyond the size cap, is forgotten.
 */
public class SlackEventDeduplicator implements SlackRetryMemory {

    private final Duration memory;
    private final int maxEntries;
    private final Clock clock;
    /** Insertion order is arrival order, so the eldest entries are the first to expire. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public SlackEventDeduplicator(SlackSettings settings, Clock clock) {
        this(settings.retryMemory(), settings.retryMemoryEntries(), clock);
    }

    SlackEventDeduplicator(Duration memory, int maxEntries, Clock clock) {
        this.memory = memory;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstDelivery(String eventId) {
        long now = clock.millis();
        forgetExpired(now);
        if (seen.containsKey(eventId)) {
            return false;
        }
        seen.put(eventId, now);
        while (seen.size() > maxEntries) {
            Iterator<String> eldest = seen.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Long>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && now - entries.next().getValue() > memory.toMillis()) {
            entries.remove();
        }
    }
}

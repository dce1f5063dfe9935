package herald.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of recent events so that Slack's retries (it resends an event it thinks was not
 * acknowledged, up to three times within about five minutes) are answered once. Bounded in time and
 * in entries: an id older than the retry window, or beyond the size cap, is forgotten.
 */
@ApplicationScoped
public class SlackEventDeduplicator {

    private final Duration memory;
    private final int maxEntries;
    private final Clock clock;
    /** Insertion order is arrival order, so the eldest entries are the first to expire. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    @Inject
    public SlackEventDeduplicator(SlackSettings settings) {
        this(settings.retryMemory(), settings.retryMemoryEntries(), Clock.systemUTC());
    }

    SlackEventDeduplicator(Duration memory, int maxEntries, Clock clock) {
        this.memory = memory;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** True the first time an event id is seen within the retry window, false for its retries. */
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

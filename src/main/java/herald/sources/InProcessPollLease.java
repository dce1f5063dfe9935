package herald.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Poll leases in this process, for the embedded default: one Herald is the only instance that polls. */
public class InProcessPollLease implements PollLease {

    private final Clock clock;
    private final Map<String, Instant> held = new ConcurrentHashMap<>();

    public InProcessPollLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean acquire(String sourceId, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        // taken when absent or expired, atomically
        return held.compute(sourceId, (id, expires) -> expires == null || !expires.isAfter(now) ? until : expires) == until;
    }

    @Override
    public void release(String sourceId) {
        held.remove(sourceId);
    }
}

package herald.sources;

import herald.index.solr.SolrState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Poll leases on SolrCloud: taking one is a conditional write (Solr's optimistic concurrency), so of two
 * replicas asking at once exactly one wins. A lease whose holder died expires after its duration.
 */
public class SolrPollLease implements PollLease {

    private static final String KIND = "poll-lease";

    private final SolrState state;
    private final Clock clock;
    /** This process, as the holder a lease names. */
    private final String holder = UUID.randomUUID().toString();

    public SolrPollLease(SolrState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public boolean acquire(String sourceId, Duration duration) {
        Instant now = clock.instant();
        return state.claim(KIND, sourceId, holder, now.plus(duration), now);
    }

    @Override
    public void release(String sourceId) {
        Instant now = clock.instant();
        // only our own live lease, and only if nobody took it over meanwhile
        state.get(KIND, sourceId)
                .filter(lease -> holder.equals(lease.value()) && !lease.expired(now))
                .ifPresent(lease -> state.update(KIND, sourceId, holder, now, lease.version()));
    }
}

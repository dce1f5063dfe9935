package herald.sources;

import java.time.Duration;

/**
 * Which Herald instance polls a source now: an instance polls a source only while it holds the source's
 * lease, so replicas sharing one SolrCloud never fetch the same feed at once. In one process the poller's
 * own schedule already does that; the shared implementation is on SolrCloud.
 */
public interface PollLease {

    /** Takes this source's lease for at most {@code duration}; false when another instance holds it. */
    boolean acquire(String sourceId, Duration duration);

    /** Gives the lease back once the poll is over, so the next due poll need not wait for it to expire. */
    void release(String sourceId);
}

package herald.slack;

import herald.index.solr.SolrState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slack retry ids on SolrCloud: the first replica to record an event id answers it; a retry reaching any
 * replica finds the id and is dropped. Solr removes ids once the retry window has passed.
 */
public class SolrSlackRetryMemory implements SlackRetryMemory {

    private static final String KIND = "slack-event";

    private final SolrState state;
    private final Duration memory;
    private final Clock clock;

    public SolrSlackRetryMemory(SolrState state, Duration memory, Clock clock) {
        this.state = state;
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String eventId) {
        Instant now = clock.instant();
        return state.claim(KIND, eventId, "", now.plus(memory), now);
    }
}

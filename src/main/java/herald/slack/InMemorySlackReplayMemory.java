package herald.slack;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * The replay memory in this process, bounded like the event retry memory ({@code herald.slack.retry-memory},
 * which outlasts the window in which the verifier accepts a timestamp, and {@code retry-memory-entries}).
 */
@DefaultBean
@ApplicationScoped
public class InMemorySlackReplayMemory implements SlackReplayMemory {

    private final SlackEventDeduplicator seen;

    @Inject
    public InMemorySlackReplayMemory(SlackSettings settings, Clock clock) {
        this.seen = new SlackEventDeduplicator(settings.retryMemory(), settings.retryMemoryEntries(), clock);
    }

    @Override
    public boolean firstReceipt(String timestamp, String signature) {
        return seen.firstDelivery(timestamp.strip() + ":" + signature.strip());
    }
}

package herald.slack;

import herald.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries are dropped within the retry window; memory stays bounded in time and size. */
class SlackEventDeduplicatorTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2024-06-19T08:00:00Z"));

    @Test
    void dropsRetriesWithinTheWindowAndForgetsAfterIt() {
        SlackEventDeduplicator deduplicator = new SlackEventDeduplicator(Duration.ofMinutes(10), 100, clock);
        assertTrue(deduplicator.firstDelivery("Ev1"));
        clock.advance(Duration.ofMinutes(5));
        assertFalse(deduplicator.firstDelivery("Ev1"));
        clock.advance(Duration.ofMinutes(6));
        assertTrue(deduplicator.firstDelivery("Ev1"), "remembered only for the retry window");
    }

    @Test
    void forgetsTheOldestIdsBeyondTheSizeCap() {
        SlackEventDeduplicator deduplicator = new SlackEventDeduplicator(Duration.ofMinutes(10), 2, clock);
        assertTrue(deduplicator.firstDelivery("Ev1"));
        assertTrue(deduplicator.firstDelivery("Ev2"));
        assertTrue(deduplicator.firstDelivery("Ev3"));
        assertFalse(deduplicator.firstDelivery("Ev3"));
        assertTrue(deduplicator.firstDelivery("Ev1"), "the oldest id made room");
    }
}

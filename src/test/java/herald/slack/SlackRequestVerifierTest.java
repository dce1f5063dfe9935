package herald.slack;

import herald.api.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The timestamp window around "now", on a fixed clock: replays from the past and the future are refused. */
class SlackRequestVerifierTest {

    private static final String SECRET = "test-secret";
    private static final Instant NOW = Instant.parse("2024-06-19T08:00:00Z");
    private static final String BODY = "{\"type\":\"event_callback\"}";

    private final SlackRequestVerifier verifier = new SlackRequestVerifier(Optional.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsSignedRequestWithinFiveMinutes() {
        long sentAt = NOW.minusSeconds(4 * 60).getEpochSecond();
        assertDoesNotThrow(() -> verifier.verify(String.valueOf(sentAt), SignedSlackRequests.signature(BODY, sentAt, SECRET), BODY));
    }

    @Test
    void refusesTimestampMoreThanFiveMinutesInThePastOrFuture() {
        for (long sentAt : new long[] {NOW.minusSeconds(5 * 60 + 1).getEpochSecond(), NOW.plusSeconds(5 * 60 + 1).getEpochSecond()}) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> verifier.verify(String.valueOf(sentAt), SignedSlackRequests.signature(BODY, sentAt, SECRET), BODY));
            assertEquals(401, refused.status());
        }
    }

    @Test
    void refusesTimestampThatIsNotANumber() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> verifier.verify("yesterday", SignedSlackRequests.signature(BODY, 0, SECRET), BODY));
        assertEquals(401, refused.status());
    }
}

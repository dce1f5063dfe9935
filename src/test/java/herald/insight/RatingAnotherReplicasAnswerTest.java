package herald.insight;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rating that reaches another replica than the one that answered may arrive before that replica's log
 * write: the look-up waits a little for it rather than telling the reader the answer does not exist.
 */
class RatingAnotherReplicasAnswerTest {

    /** A shared log in which the answer appears only at the {@code visibleAt}-th look-up, as another replica's write lands. */
    private static final class LaggingLog implements QuestionLog {
        private final int visibleAt;
        final AtomicInteger lookUps = new AtomicInteger();

        LaggingLog(int visibleAt) {
            this.visibleAt = visibleAt;
        }

        @Override
        public void append(List<LoggedQuestion> questions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LoggedQuestion> find(String answerId) {
            return lookUps.incrementAndGet() >= visibleAt && "a1".equals(answerId)
                    ? Optional.of(new LoggedQuestion("a1", Instant.EPOCH, null, "q", "q", null, null, false, "a", List.of(), 0, null))
                    : Optional.empty();
        }

        @Override
        public List<LoggedQuestion> between(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public long pruneBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public boolean sharedWithOtherReplicas() {
            return true;
        }
    }

    @Test
    void anAnswerLoggedByAnotherReplicaAMomentLaterIsFound() {
        LaggingLog log = new LaggingLog(3);
        assertTrue(QuestionRecorder.awaitLogged(log, "a1", Duration.ofSeconds(30), Duration.ofMillis(1)));
        assertEquals(3, log.lookUps.get(), "stops looking once found");
    }

    @Test
    void anAnswerNoReplicaGaveIsUnknownAfterTheWait() {
        LaggingLog log = new LaggingLog(1);
        assertFalse(QuestionRecorder.awaitLogged(log, "never-given", Duration.ofMillis(50), Duration.ofMillis(5)));
        assertTrue(log.lookUps.get() >= 2, "looked again during the wait: " + log.lookUps.get());
    }
}

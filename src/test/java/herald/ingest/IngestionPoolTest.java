package herald.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingestion pool refuses at once when full, instead of queueing without limit. */
class IngestionPoolTest {

    @Test
    void refusesWhenEveryWorkerIsBusyAndTheQueueIsFull() throws InterruptedException {
        IngestionPool pool = new IngestionPool(null, Duration.ofSeconds(1), 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.ingest(() -> {
                started.countDown();
                await(release);
                throw new IllegalArgumentException("released");
            });
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
            pool.ingest(() -> {
                throw new IllegalArgumentException("queued");
            });
            IngestionBusyException busy = assertThrows(IngestionBusyException.class,
                    () -> pool.ingest(() -> new ArticleDraft("t", "x", null, null)));
            assertEquals(IngestionPool.RETRY_AFTER, busy.retryAfter());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

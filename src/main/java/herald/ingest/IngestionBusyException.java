package herald.ingest;

import java.time.Duration;

/** Every ingestion worker is busy and the queue is full: the client should retry later. */
public class IngestionBusyException extends RuntimeException {

    private final Duration retryAfter;

    public IngestionBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

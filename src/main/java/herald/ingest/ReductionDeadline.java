package herald.ingest;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;

/**
 * The moment after which reducing a page gives up. jsoup cannot be interrupted, so the deadline is checked
 * where the work happens: each time the parser pulls more input, and every few hundred nodes of the walk.
 */
final class ReductionDeadline {

    private final Duration budget;
    private final long endNanos;

    private ReductionDeadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static ReductionDeadline after(Duration budget) {
        return new ReductionDeadline(budget);
    }

    /** A deadline that never passes, for local files the operator chose. */
    static ReductionDeadline none() {
        return new ReductionDeadline(Duration.ofDays(365));
    }

    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new UnprocessableArticleException("The page could not be reduced to an article within "
                    + budget.toMillis() + " ms (herald.ingest.max-parse-time): its markup is too large or too complex");
        }
    }

    /** The input as the parser reads it, checking the deadline at every chunk. */
    Reader guard(Reader input) {
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                check();
                return input.read(buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                input.close();
            }
        };
    }
}

package herald.bench;

import java.util.Arrays;

/** Latencies of one operation, in nanoseconds, summarised as percentiles. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long value) {
        nanos[count++] = value;
    }

    /** The value at percentile p (0-100) in milliseconds, nearest rank. */
    double millis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    String summary() {
        return String.format("p50 %7.2f ms, p99 %7.2f ms (n=%d)", millis(50), millis(99), count);
    }
}

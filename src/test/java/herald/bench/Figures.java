package herald.bench;

import java.io.PrintStream;

/** Where benchmarks print their figures: the terminal of whoever runs them, not the log. */
final class Figures {

    private static final PrintStream OUT = System.out;

    private Figures() {
    }

    static void print(String format, Object... args) {
        OUT.printf("[bench] " + format + "%n", args);
    }
}

package herald.bench;

import herald.ingest.ArticleReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/**
 * Reducing a page of unclosed {@code <div><p>w</p>} pairs (each one level deeper) against a flat page of
 * the same size, at several sizes: linear reduction keeps the ratio flat as the size grows.
 * {@code -Dbench.html-sizes=18,36,72} (kilobytes) limits the sizes, for running it against older code.
 */
class HtmlReductionBenchmark {

    @Test
    void nestedAgainstFlatPages() {
        int[] sizes = Arrays.stream(System.getProperty("bench.html-sizes", "18,36,72,1024").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        reduce("<div><p>w</p>".repeat(1000)); // warm-up: class loading and the JIT
        reduce("<p>w</p>".repeat(1000));
        for (int kb : sizes) {
            double nested = reduce("<div><p>w</p>".repeat(kb * 1024 / 13));
            double flat = reduce("<p>w</p>".repeat(kb * 1024 / 8));
            Figures.print("html %5d KB: nested %8.0f ms, flat %6.0f ms, nested/flat %.1f", kb, nested, flat, nested / flat);
        }
    }

    private static double reduce(String body) {
        String page = "<html><body><h1>Page</h1>" + body + "</body></html>";
        long started = System.nanoTime();
        ArticleReader.fromHtml(page);
        return (System.nanoTime() - started) / 1e6;
    }
}

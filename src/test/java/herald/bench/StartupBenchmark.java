package herald.bench;

import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import herald.testing.StubOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Time from {@code java -jar} until /q/health/ready answers 200, and the RSS then and after 20 questions:
 * on an empty data folder (only the bundled article, ingested at the first start), on a restart, and on a
 * data folder holding 100k synthetic passages ({@link SyntheticPassages}, loaded with the bulk add).
 */
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    /** Passages in the large data folder; 0 skips it. */
    private static final int PASSAGES = Integer.getInteger("bench.startup-passages", 100_000);

    @TempDir
    Path dir;

    @Test
    void startupAndRss() throws Exception {
        StubOllama ollama = new StubOllama().start();
        ollama.answerWith("Putin ", "arrived ", "on ", "Thursday ", "[1].");
        try {
            startups("empty data folder, first start (ingests the bundled article)", ollama, i -> dir.resolve("fresh-" + i));
            startups("restart on that folder", ollama, i -> dir.resolve("fresh-0"));
            if (PASSAGES == 0) {
                return;
            }

            Path large = dir.resolve("large");
            LucenePassageIndex index = new LucenePassageIndex(large.resolve("index"));
            long start = System.nanoTime();
            index.addAll(new SyntheticPassages(7).entries(PASSAGES, 11, null));
            Figures.print("built a data folder of %,d synthetic passages in %.0f s (bulk add, %d segments, no forceMerge)",
                    PASSAGES, (System.nanoTime() - start) / 1e9, index.segmentCount());
            index.close();
            startups(String.format("%,d synthetic passages", PASSAGES), ollama, i -> large);
        } finally {
            ollama.stop();
        }
    }

    private static void startups(String name, StubOllama ollama, IntFunction<Path> dataDir) throws Exception {
        List<Double> ready = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> rssAfter = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (PackagedHerald herald = PackagedHerald.start(dataDir.apply(i), ollama.baseUrl(), Map.of())) {
                ready.add(herald.awaitReady(Duration.ofMinutes(3)));
                rss.add(herald.rssMb());
                for (int q = 0; q < 20; q++) {
                    herald.ask("When did Putin arrive in Hanoi?");
                }
                rssAfter.add(herald.rssMb());
            }
        }
        Figures.print("%s: ready in median %.0f ms %s; RSS at ready median %.0f MB, after 20 questions %.0f MB",
                name, median(ready), rounded(ready), median(rss), median(rssAfter));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}

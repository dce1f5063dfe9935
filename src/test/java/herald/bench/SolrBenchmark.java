package herald.bench;

import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import herald.index.solr.SolrCloud;
import herald.index.solr.SolrPassageIndex;
import herald.testing.SolrTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The SolrCloud index against the embedded one, in the same run on the same synthetic passages: bulk ingestion
 * throughput and search latency at each size. SolrCloud is a two-node MiniSolrCloudCluster in this JVM
 * (2 shards x 2 replicas, so every passage is indexed twice), on the same cores as the client: a lower bound on
 * what separate Solr machines would do.
 * {@code mvn -B -Pbench test -Dtest=SolrBenchmark [-Dbench.solr-sizes=10000,100000] [-Dbench.queries=300]}
 */
class SolrBenchmark {

    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.solr-sizes", "10000,100000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final int QUERIES = Integer.getInteger("bench.queries", 300);
    private static final int WARMUP = 50;

    @TempDir
    Path dataDir;

    @Test
    void solrCloudAgainstEmbeddedIndex() {
        SyntheticPassages synthetic = new SyntheticPassages(7);
        Figures.print("machine: %d cores seen by the JVM, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (SolrTestCluster cluster = SolrTestCluster.start(2)) {
            for (int size : SIZES) {
                Figures.print("--- %,d passages ---", size);
                Random queryRandom = new Random(99);
                float[][] queries = new float[QUERIES + WARMUP][];
                String[] questions = new String[queries.length];
                for (int i = 0; i < queries.length; i++) {
                    queries[i] = synthetic.vector(queryRandom);
                    questions[i] = synthetic.words(queryRandom, 8);
                }
                try (LucenePassageIndex embedded = new LucenePassageIndex(dataDir.resolve("index-" + size));
                     SolrCloud solr = new SolrCloud(cluster.zkHosts(), "bench" + size, 2, 2)) {
                    SolrPassageIndex cloud = new SolrPassageIndex(solr, 200);
                    double lucene = load("embedded", embedded, synthetic, size);
                    double solrRate = load("solr", cloud, synthetic, size);
                    Figures.print("ingestion ratio solr/embedded: %.2f", solrRate / lucene);
                    compare("vector (nearest, 100 candidates keep 10)", embedded, cloud,
                            (index, i) -> index.nearest(queries[i], 10, 100));
                    compare("BM25 (8-word question, top 50)", embedded, cloud,
                            (index, i) -> index.bm25(questions[i], 50));
                    compare("retrieval (BM25 top 50 + nearest 50 of 100, as HybridRetriever asks)", embedded, cloud,
                            (index, i) -> {
                                index.bm25(questions[i], 50);
                                index.nearest(queries[i], 50, 100);
                            });
                }
            }
        }
    }

    private static double load(String name, PassageIndex index, SyntheticPassages synthetic, int size) {
        long start = System.nanoTime();
        index.addAll(synthetic.entries(size, 11, new float[size][]));
        double seconds = (System.nanoTime() - start) / 1e9;
        Figures.print("%-8s bulk load: %.1f s = %.0f passages/s (%d passages held)", name, seconds, size / seconds, index.passageCount());
        return size / seconds;
    }

    private interface Search {
        void run(PassageIndex index, int query);
    }

    private static void compare(String what, PassageIndex embedded, PassageIndex cloud, Search search) {
        Latencies lucene = latencies(embedded, search);
        Latencies solr = latencies(cloud, search);
        Figures.print("%s%n  embedded %s%n  solr     %s%n  ratio solr/embedded: p50 %.1fx, p99 %.1fx", what,
                lucene.summary(), solr.summary(), solr.millis(50) / lucene.millis(50), solr.millis(99) / lucene.millis(99));
    }

    private static Latencies latencies(PassageIndex index, Search search) {
        for (int i = 0; i < WARMUP; i++) {
            search.run(index, QUERIES + i);
        }
        Latencies l = new Latencies(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            search.run(index, i);
            l.add(System.nanoTime() - t);
        }
        return l;
    }
}

package herald.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import herald.config.HeraldConfig;
import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import herald.index.ScoredPassage;
import herald.retrieval.HybridRetriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Retrieval latency p50/p99 and HNSW recall@10 against exact search, at several index sizes filled with
 * synthetic clustered vectors and word-salad texts ({@link SyntheticPassages}). Sizes come from
 * {@code -Dbench.sizes=1000,10000,100000}; run 1000000 on its own, it takes the better part of an hour.
 */
class RetrievalBenchmark {

    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    private static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
    private static final int RECALL_QUERIES = Integer.getInteger("bench.recall-queries", 100);
    private static final int WARMUP = 300;
    /** -Dbench.checkpoints=true: vector latency and recall after every tenth of a load, for loads that may not finish. */
    private static final boolean CHECKPOINTS = Boolean.getBoolean("bench.checkpoints");
    /** Passages per addAll call (one commit each); default a tenth of the load, at least 10,000. */
    private static final int STEP = Integer.getInteger("bench.step", 0);
    /** -Dbench.build-only=true: load, report, forceMerge, and skip the searches (to compare indexing settings). */
    private static final boolean BUILD_ONLY = Boolean.getBoolean("bench.build-only");
    /** As Herald asks: 100 HNSW candidates, keep 10 (HybridRetriever asks max(100, candidates)). */
    private static final int CANDIDATES = 100;
    private static final int K = 10;
    private static final String QUERY_INSTRUCTION = "query: ";

    @TempDir
    Path dataDir;

    @Test
    void latencyAndRecallBySize() {
        SyntheticPassages synthetic = new SyntheticPassages(7);
        Figures.print("machine: %d cores seen by the JVM, max heap %d MB, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        for (int size : SIZES) {
            measure(size, synthetic);
        }
    }

    private void measure(int size, SyntheticPassages synthetic) {
        Figures.print("--- %,d passages (synthetic: clustered vectors, word-salad texts) ---", size);
        float[][] vectors = new float[size][];
        LucenePassageIndex index = new LucenePassageIndex(dataDir.resolve("index-" + size));
        try {
            long start = System.nanoTime();
            // one addAll (one commit) per tenth of the load, so a long load shows its progress
            int step = STEP > 0 ? STEP : Math.max(10_000, size / 10);
            java.util.Iterator<PassageIndex.Entry> all = synthetic.entries(size, 11, vectors);
            for (int loaded = 0; all.hasNext(); ) {
                index.addAll(limit(all, step / SyntheticPassages.PASSAGES_PER_ARTICLE));
                loaded = Math.min(size, loaded + step);
                if (size >= 100_000) {
                    Figures.print("  loaded %,d passages in %.0f s, %d segments", loaded, seconds(start), index.segmentCount());
                }
                if (CHECKPOINTS) {
                    checkpoint(index, synthetic, vectors, loaded);
                }
            }
            double build = seconds(start);
            Figures.print("build (bulk add, one commit per %,d): %.1f s = %.0f passages/s, %d segments",
                    Math.min(step, size), build, size / build, index.segmentCount());

            if (BUILD_ONLY) {
                start = System.nanoTime();
                index.forceMerge();
                Figures.print("forceMerge(1): %.1f s", seconds(start));
                return;
            }
            Random queryRandom = new Random(99);
            float[][] queries = new float[Math.max(QUERIES, RECALL_QUERIES)][];
            String[] questions = new String[queries.length];
            for (int i = 0; i < queries.length; i++) {
                queries[i] = synthetic.vector(queryRandom);
                questions[i] = synthetic.words(queryRandom, 8);
            }

            Figures.print("before forceMerge (%d segments):", index.segmentCount());
            vectorLatency(index, queries);
            recall(index, queries, vectors);

            start = System.nanoTime();
            index.forceMerge();
            Figures.print("forceMerge(1): %.1f s, now %d segment(s)", seconds(start), index.segmentCount());
            vectorLatency(index, queries);
            recall(index, queries, vectors);
            bm25Latency(index, questions);
            hybridLatency(index, queries, questions);
        } finally {
            index.close();
        }
    }

    /** Vector latency (200 queries) and recall (20 queries) on the part loaded so far, in as many segments as it has. */
    private static void checkpoint(LucenePassageIndex index, SyntheticPassages synthetic, float[][] vectors, int loaded) {
        Random random = new Random(5);
        float[][] queries = new float[200][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = synthetic.vector(random);
        }
        for (float[] q : queries) {
            index.nearest(q, K, CANDIDATES);
        }
        Latencies l = new Latencies(queries.length);
        for (float[] q : queries) {
            long t = System.nanoTime();
            index.nearest(q, K, CANDIDATES);
            l.add(System.nanoTime() - t);
        }
        Figures.print("  checkpoint at %,d passages, %d segments, vector: %s", loaded, index.segmentCount(), l.summary());
        recall(index, queries, vectors, loaded, 20);
    }

    private static void vectorLatency(LucenePassageIndex index, float[][] queries) {
        for (int i = 0; i < WARMUP; i++) {
            index.nearest(queries[i % queries.length], K, CANDIDATES);
        }
        Latencies l = new Latencies(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            index.nearest(queries[i], K, CANDIDATES);
            l.add(System.nanoTime() - t);
        }
        Figures.print("  vector (nearest, 100 candidates keep 10): %s", l.summary());
    }

    private static void bm25Latency(LucenePassageIndex index, String[] questions) {
        for (int i = 0; i < WARMUP; i++) {
            index.bm25(questions[i % questions.length], 50);
        }
        Latencies l = new Latencies(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            index.bm25(questions[i], 50);
            l.add(System.nanoTime() - t);
        }
        Figures.print("  BM25 (8-word question, top 50):            %s", l.summary());
    }

    /**
     * HybridRetriever with the default settings and the query vector precomputed. Passages that BM25 found but
     * HNSW did not are re-embedded by the retriever for their cosine: counted here, as each is a model call
     * (about 20 ms for a passage) in the service.
     */
    private static void hybridLatency(LucenePassageIndex index, float[][] queries, String[] questions) {
        AtomicInteger passageEmbeddings = new AtomicInteger();
        float[][] current = new float[1][];
        EmbeddingModel precomputed = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                List<Embedding> out = new ArrayList<>();
                for (TextSegment s : segments) {
                    if (s.text().startsWith(QUERY_INSTRUCTION)) {
                        out.add(Embedding.from(current[0]));
                    } else {
                        passageEmbeddings.incrementAndGet();
                        out.add(Embedding.from(queries[0]));
                    }
                }
                return Response.from(out);
            }
        };
        HybridRetriever retriever = new HybridRetriever(index, new herald.retrieval.CachedEmbeddings(precomputed), defaults(), java.time.Clock.systemUTC());
        for (int i = 0; i < WARMUP; i++) {
            current[0] = queries[i % queries.length];
            retriever.retrieve(questions[i % questions.length]);
        }
        passageEmbeddings.set(0);
        Latencies l = new Latencies(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            current[0] = queries[i];
            long t = System.nanoTime();
            retriever.retrieve(questions[i]);
            l.add(System.nanoTime() - t);
        }
        Figures.print("  hybrid (HybridRetriever, weighted, top 5, query vector precomputed): %s", l.summary());
        Figures.print("    passages re-embedded per question for their cosine: %.2f (not timed here; a model call each in the service)",
                passageEmbeddings.get() / (double) QUERIES);
    }

    private static void recall(LucenePassageIndex index, float[][] queries, float[][] vectors) {
        recall(index, queries, vectors, vectors.length, RECALL_QUERIES);
    }

    private static void recall(LucenePassageIndex index, float[][] queries, float[][] vectors, int loaded, int recallQueries) {
        double found = 0;
        Latencies exact = new Latencies(recallQueries);
        for (int q = 0; q < recallQueries; q++) {
            long t = System.nanoTime();
            Set<Integer> truth = exactTop(queries[q], vectors, loaded);
            exact.add(System.nanoTime() - t);
            for (ScoredPassage s : index.nearest(queries[q], K, CANDIDATES)) {
                if (truth.contains(SyntheticPassages.position(s.passage().documentId(), s.passage().ordinal()))) {
                    found++;
                }
            }
        }
        Figures.print("  recall@10 vs exact search: %.3f over %d queries; exact scan (plain loop) %s",
                found / (recallQueries * K), recallQueries, exact.summary());
    }

    /** Brute force over the same vectors: all are unit length, so the dot product is the cosine. */
    private static Set<Integer> exactTop(float[] query, float[][] vectors, int loaded) {
        PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < loaded; i++) {
            float[] v = vectors[i];
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += query[d] * v[d];
            }
            if (best.size() < K) {
                best.add(new double[]{dot, i});
            } else if (dot > best.peek()[0]) {
                best.poll();
                best.add(new double[]{dot, i});
            }
        }
        Set<Integer> ids = new HashSet<>();
        best.forEach(e -> ids.add((int) e[1]));
        return ids;
    }

    /** HeraldConfig with the retrieval defaults; the query instruction is only a marker here. */
    private static HeraldConfig defaults() {
        HeraldConfig.Retrieval retrieval = new HeraldConfig.Retrieval() {
            public int topK() {
                return 5;
            }

            public int candidates() {
                return 50;
            }

            public Fusion fusion() {
                return Fusion.WEIGHTED;
            }

            public double vectorWeight() {
                return 0.5;
            }

            public String queryInstruction() {
                return QUERY_INSTRUCTION;
            }
        };
        return (HeraldConfig) Proxy.newProxyInstance(HeraldConfig.class.getClassLoader(), new Class<?>[]{HeraldConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("retrieval")) {
                        return retrieval;
                    }
                    if (method.getName().equals("answer")) {
                        return null; // the benchmark ranks; it never answers
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> java.util.Iterator<T> limit(java.util.Iterator<T> it, int n) {
        return new java.util.Iterator<>() {
            private int taken;

            public boolean hasNext() {
                return taken < n && it.hasNext();
            }

            public T next() {
                taken++;
                return it.next();
            }
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

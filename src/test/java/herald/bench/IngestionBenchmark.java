package herald.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import herald.index.BgeSmallEmbeddingModel;
import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.index.Passage;
import herald.ingest.PassageSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Passages per second through Herald's ingestion path (clean, split, embed, index, commit per article)
 * against the bare ONNX model on the same passages, in the same run: the limit on this machine.
 */
class IngestionBenchmark {

    private static final int ARTICLES = 100;
    private static final int INGESTING_THREADS = Integer.getInteger("bench.ingesting-threads", 3);

    @TempDir
    Path dataDir;

    @Test
    void ingestionAgainstBareModel() {
        List<ArticleDraft> articles = BenchCorpus.articles(ARTICLES, 1);
        PassageSplitter splitter = new PassageSplitter(70, 1);
        List<TextSegment> passages = new ArrayList<>();
        for (ArticleDraft a : articles) {
            for (Passage p : splitter.split(a.text())) {
                passages.add(TextSegment.from(a.title() + "\n" + p.text()));
            }
        }
        Figures.print("passages: %d from %d articles, %.0f words each on average", passages.size(), ARTICLES,
                passages.stream().mapToInt(s -> s.text().split("\\s+").length).average().orElse(0));

        EmbeddingModel stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        stock.embedAll(passages.subList(0, 20));
        double stockRate = rate(passages.size(), () -> stock.embedAll(passages));
        Figures.print("bare stock model, embedAll:                  %6.1f passages/s", stockRate);

        int cores = Runtime.getRuntime().availableProcessors();
        try (BgeSmallEmbeddingModel herald = new BgeSmallEmbeddingModel(cores)) {
            herald.embedAll(passages.subList(0, 20));
            double heraldRate = rate(passages.size(), () -> herald.embedAll(passages));
            Figures.print("bare Herald model (1 intra-op thread x %d):   %6.1f passages/s", cores, heraldRate);

            query(stock, "stock");
            query(herald, "Herald");

            indexAlone(articles, splitter);

            LucenePassageIndex index = new LucenePassageIndex(dataDir.resolve("service"));
            try {
                ArticleIngestor ingestor = new ArticleIngestor(index, splitter, herald);
                // several articles at a time, as the folder command and concurrent API clients ingest: one commits while others embed
                java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(INGESTING_THREADS);
                double serviceRate = rate(passages.size(), () -> pool.submit(() -> articles.parallelStream().forEach(ingestor::ingest)).join());
                pool.shutdown();

                Figures.print("Herald ingestion path (Herald model):        %6.1f passages/s = %.0f %% of the bare Herald model, %.0f %% of the stock one",
                        serviceRate, 100 * serviceRate / heraldRate, 100 * serviceRate / stockRate);
            } finally {
                index.close();
            }
        }
    }

    /** The index's share: the same articles added and committed one by one, with vectors made up front. */
    private void indexAlone(List<ArticleDraft> articles, PassageSplitter splitter) {
        LucenePassageIndex index = new LucenePassageIndex(dataDir.resolve("alone"));
        try {
            float[] vector = new float[384];
            vector[0] = 1;
            List<Runnable> adds = new ArrayList<>();
            int[] count = {0};
            for (int i = 0; i < articles.size(); i++) {
                ArticleDraft a = articles.get(i);
                List<Passage> ps = splitter.split(a.text());
                count[0] += ps.size();
                herald.index.Article article = new herald.index.Article("a" + i, a.title(), a.text(), null, null, ps.size());
                List<float[]> vectors = ps.stream().map(p -> vector).toList();
                adds.add(() -> index.add(article, ps, vectors));
            }
            Figures.print("index alone (add + commit per article):      %6.1f passages/s", rate(count[0], () -> adds.forEach(Runnable::run)));
        } finally {
            index.close();
        }
    }

    private static void query(EmbeddingModel model, String name) {
        String[] questions = {"When does Putin visit Vietnam?", "Who greeted him at the airport in Hanoi?",
                "How many business leaders travel with Yoon?", "What did the United States say about the visit?"};
        long[] micros = new long[200];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            model.embed(questions[i % questions.length] + " " + i);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        Figures.print("%-6s model, one short query: p50 %.1f ms, p99 %.1f ms", name, micros[100] / 1000.0, micros[197] / 1000.0);
    }

    private static double rate(int passages, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return passages / ((System.nanoTime() - start) / 1e9);
    }
}

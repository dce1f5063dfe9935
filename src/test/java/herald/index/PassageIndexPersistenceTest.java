package herald.index;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import herald.index.Article;
import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.ingest.PassageSplitter;
import herald.index.lucene.LucenePassageIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index on disk outlives the process, and re-ingesting what it holds embeds nothing. */
class PassageIndexPersistenceTest {

    private static final EmbeddingModel EMBEDDINGS = new BgeSmallEnV15QuantizedEmbeddingModel();

    @TempDir
    Path dataDir;

    @Test
    void articlesSurviveARestartAndAreNotEmbeddedAgain() {
        ArticleDraft draft = new ArticleDraft("Hanoi metro", "Hanoi opened its second metro line on Thursday. It runs 8.5 km.",
                "Test Wire", LocalDate.of(2024, 8, 8));
        String id;
        LucenePassageIndex first = new LucenePassageIndex(dataDir);
        try {
            id = new ArticleIngestor(first, new PassageSplitter(70, 1), EMBEDDINGS).ingest(draft).article().id();
        } finally {
            first.close();
        }

        LucenePassageIndex reopened = new LucenePassageIndex(dataDir);
        try {
            assertEquals(1, reopened.articleCount());
            Article article = reopened.find(id).orElseThrow();
            assertEquals("Test Wire", article.source());
            assertEquals(LocalDate.of(2024, 8, 8), article.publishedAt());
            float[] query = EMBEDDINGS.embed("When did the metro line open?").content().vector();
            assertEquals(id, reopened.nearest(query, 1, 10).get(0).passage().documentId());
            assertEquals(id, reopened.bm25("metro line", 1).get(0).passage().documentId());

            CountingEmbeddings counting = new CountingEmbeddings();
            ArticleIngestor.Ingested again = new ArticleIngestor(reopened, new PassageSplitter(70, 1), counting).ingest(draft);
            assertFalse(again.created());
            assertEquals(0, counting.calls, "an article the index holds is not embedded again");
        } finally {
            reopened.close();
        }
    }

    @Test
    void deletingRemovesTheArticleAndAllItsPassages() {
        LucenePassageIndex index = new LucenePassageIndex(dataDir);
        try {
            ArticleIngestor ingestor = new ArticleIngestor(index, new PassageSplitter(12, 1), EMBEDDINGS);
            String keep = ingestor.ingest(new ArticleDraft("Keep", "Da Nang hosts a fireworks festival in June. Teams come from eight countries.", null, null)).article().id();
            String drop = ingestor.ingest(new ArticleDraft("Drop", "Hue restores its citadel gate. Work took six years. Visitors return next month.", null, null)).article().id();
            assertTrue(index.passagesOf(drop).size() > 1);
            assertTrue(index.delete(drop));
            assertTrue(index.passagesOf(drop).isEmpty());
            assertTrue(index.find(drop).isEmpty());
            assertEquals(List.of(keep), index.list().stream().map(Article::id).toList());
            assertFalse(index.delete(drop));
        } finally {
            index.close();
        }
    }

    private static final class CountingEmbeddings implements EmbeddingModel {
        int calls;

        @Override
        public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                List<dev.langchain4j.data.segment.TextSegment> segments) {
            calls++;
            return EMBEDDINGS.embedAll(segments);
        }
    }
}

package herald.ingest;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundled article an operator deleted stays deleted when Herald starts again on the same data folder. */
class BundledArticleDeletionTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeletedBundledArticleIsNotIngestedAgainAtTheNextStart() {
        BgeSmallEnV15QuantizedEmbeddingModel embeddings = new BgeSmallEnV15QuantizedEmbeddingModel();
        String id;
        PassageIndex index = new LucenePassageIndex(dataDir.resolve("index"));
        try {
            ArticleIngestor ingestor = new ArticleIngestor(index, new PassageSplitter(70, 1), embeddings);
            BundledCorpus corpus = new BundledCorpus(ingestor, new DeletedBundledArticlesFile(dataDir.resolve(DeletedBundledArticlesFile.FILE)), true);
            corpus.ingestBundled();
            assertEquals(1, index.articleCount());
            id = index.list().get(0).id();
            assertTrue(index.delete(id));
            corpus.articleDeleted(id);
        } finally {
            index.close();
        }

        PassageIndex restarted = new LucenePassageIndex(dataDir.resolve("index"));
        try {
            ArticleIngestor ingestor = new ArticleIngestor(restarted, new PassageSplitter(70, 1), embeddings);
            new BundledCorpus(ingestor, new DeletedBundledArticlesFile(dataDir.resolve(DeletedBundledArticlesFile.FILE)), true).ingestBundled();
            assertEquals(0, restarted.articleCount(), "the deleted bundled article came back");
        } finally {
            restarted.close();
        }
    }

    @Test
    void deletingAnUploadedArticleRemembersNothing() {
        DeletedBundledArticlesFile memory = new DeletedBundledArticlesFile(dataDir.resolve(DeletedBundledArticlesFile.FILE));
        PassageIndex index = new LucenePassageIndex(dataDir.resolve("index"));
        try {
            BundledCorpus corpus = new BundledCorpus(new ArticleIngestor(index, new PassageSplitter(70, 1), null), memory, true);
            corpus.articleDeleted("0123456789abcdef");
            assertEquals(false, memory.contains("0123456789abcdef"));
        } finally {
            index.close();
        }
    }
}

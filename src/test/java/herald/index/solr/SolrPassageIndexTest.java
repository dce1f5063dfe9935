package herald.index.solr;

import herald.index.PassageIndex;
import herald.index.PassageIndexContract;
import herald.cli.MigrateCommand;
import herald.index.lucene.LucenePassageIndex;
import herald.testing.SolrTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index contract on a real two-node SolrCloud cluster (2 shards x 2 replicas), emptied after each test. */
class SolrPassageIndexTest extends PassageIndexContract {

    private static SolrTestCluster cluster;
    private static SolrCloud solr;

    @BeforeAll
    static void startCluster() {
        cluster = SolrTestCluster.start(2);
        solr = new SolrCloud(cluster.zkHosts(), "contract", 2, 2);
    }

    @AfterAll
    static void stopCluster() {
        solr.close();
        cluster.close();
    }

    @Override
    protected PassageIndex emptyIndex() {
        // small batches, so the bulk test writes several
        return new SolrPassageIndex(solr, 50);
    }

    @Override
    protected void release(PassageIndex index) throws Exception {
        index.close();
        solr.client().deleteByQuery(solr.collection("passages"), "*:*");
        solr.client().commit(solr.collection("passages"));
    }

    @Test
    void migrationCopiesTheEmbeddedIndexWithItsVectors(@TempDir Path dataDir) {
        try (LucenePassageIndex embedded = new LucenePassageIndex(dataDir.resolve("index"))) {
            IntStream.range(0, 7).forEach(i -> embedded.add(article("m" + i, "Migrated " + i, LocalDate.of(2024, 6, 1 + i),
                    "Passage one of " + i + ".", "Passage two of " + i + ".")));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int exit = MigrateCommand.migrate(embedded, index, 3, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertEquals(0, exit);
            assertEquals(7, index.articleCount());
            assertEquals(14, index.passageCount());
            PassageIndex.Entry copied = index.entry("m4").orElseThrow();
            assertEquals(embedded.entry("m4").orElseThrow().article(), copied.article());
            assertArrayEquals(embedded.vectorOf("m4", 1).orElseThrow(), copied.vectors().get(1), 1e-6f);
            String progress = printed.toString(StandardCharsets.UTF_8);
            assertTrue(progress.contains("[3/7]") && progress.contains("[6/7]") && progress.contains("[7/7]"), progress);
        }
    }
}

package herald.scaleout;

import herald.bench.PackagedHerald;
import herald.eval.Evaluator;
import herald.eval.LabelledQuestion;
import herald.eval.ServiceAnswerer;
import herald.testing.SolrTestCluster;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Herald's labelled question set answered by the packaged jar on SolrCloud and on the embedded index, in
 * retrieval-only mode (the retrieval is what differs): the same recall@5, recall@1 within one question.
 * Takes minutes: runs with {@code mvn -B -Pscaleout verify}.
 */
class LabelledSetOnSolrCloudIT {

    private static final Logger LOG = Logger.getLogger(LabelledSetOnSolrCloudIT.class);
    private static final String ARTICLES = "eval/articles/";
    private static final List<String> COMPETING = List.of("biden-vietnam-visit-2023.txt", "ishiba-vietnam-visit-2025.txt",
            "kim-jong-un-vostochny-cosmodrome-2023.txt", "putin-china-state-visit-2024.txt",
            "putin-kazakhstan-state-visit-2024.txt", "putin-kim-treaty-pyongyang-2024.txt", "putin-mongolia-visit-2024.txt",
            "putin-to-lam-hanoi-talks-2024.txt", "vietnam-economy-second-quarter-2024.txt",
            "xi-jinping-hanoi-state-visit-2023.txt", "yoon-suk-yeol-vietnam-state-visit-2023.txt");

    @Test
    void labelledSetOnSolrCloudScoresAsOnTheEmbeddedIndex() throws Exception {
        List<LabelledQuestion> questions = LabelledQuestion.load("eval/herald-questions.jsonl");
        Path dataDirs = Files.createTempDirectory("herald-labelled");
        Evaluator.Report onSolr;
        try (SolrTestCluster cluster = SolrTestCluster.start(2);
             PackagedHerald replica = PackagedHerald.start(dataDirs.resolve("solr"), "http://127.0.0.1:9", Map.of(
                     "HERALD_INDEX_BACKEND", "solr",
                     "HERALD_SOLR_ZK_HOSTS", cluster.zkHosts(),
                     "HERALD_ANSWER_MODE", "retrieval-only",
                     // the evaluator asks from one address, faster than any reader may
                     "HERALD_RATE_LIMIT_ENABLED", "false"))) {
            onSolr = answer(replica, questions);
        }
        Evaluator.Report embedded;
        try (PackagedHerald alone = PackagedHerald.start(dataDirs.resolve("embedded"), "http://127.0.0.1:9",
                Map.of("HERALD_ANSWER_MODE", "retrieval-only", "HERALD_RATE_LIMIT_ENABLED", "false"))) {
            embedded = answer(alone, questions);
        }
        LOG.infof("labelled set (%d questions): recall@5 %.3f embedded, %.3f SolrCloud; recall@1 %.3f embedded, %.3f SolrCloud",
                questions.size(), embedded.recallAt(5), onSolr.recallAt(5), embedded.recallAt(1), onSolr.recallAt(1));
        for (LabelledQuestion.Half half : LabelledQuestion.Half.values()) {
            LOG.infof("%s half: recall@5 %.3f embedded, %.3f SolrCloud; recall@1 %.3f embedded, %.3f SolrCloud; MRR %.3f embedded, %.3f SolrCloud",
                    half, embedded.half(half).recallAt(5), onSolr.half(half).recallAt(5), embedded.half(half).recallAt(1),
                    onSolr.half(half).recallAt(1), embedded.half(half).meanReciprocalRank(), onSolr.half(half).meanReciprocalRank());
        }
        assertEquals(embedded.recallAt(5), onSolr.recallAt(5), 1e-9, "recall@5");
        long answerable = onSolr.outcomes().stream().filter(o -> o.question().answerable()).count();
        assertTrue(Math.abs(embedded.recallAt(1) - onSolr.recallAt(1)) * answerable <= 1.0 + 1e-9,
                "recall@1 within one question: " + embedded.recallAt(1) + " embedded, " + onSolr.recallAt(1) + " SolrCloud");
    }

    private static Evaluator.Report answer(PackagedHerald herald, List<LabelledQuestion> questions) throws Exception {
        herald.awaitReady(Duration.ofMinutes(10));
        for (String name : COMPETING) {
            Replicas.ingest(herald, Replicas.resource(ARTICLES + name));
        }
        return new Evaluator(new ServiceAnswerer(herald.uri("/").toString())).run(questions);
    }
}

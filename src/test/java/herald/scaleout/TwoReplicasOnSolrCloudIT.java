package herald.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.bench.PackagedHerald;
import herald.eval.Evaluator;
import herald.eval.LabelledQuestion;
import herald.eval.ServiceAnswerer;
import herald.slack.SignedSlackRequests;
import herald.testing.SolrTestCluster;
import herald.testing.StubSlack;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Herald replicas, each the packaged jar run with {@code java -jar} in its own process, on one two-node
 * SolrCloud cluster (2 shards x 2 replicas), answering as one service; and the labelled question set answered
 * on SolrCloud as well as on the embedded index. Runs in {@code mvn verify}, after packaging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasOnSolrCloudIT {

    private static final Logger LOG = Logger.getLogger(TwoReplicasOnSolrCloudIT.class);
    private static final String SIGNING_SECRET = "it-signing-secret-0123456789abcdef";
    private static final List<String> COMPETING = List.of("biden-vietnam-visit-2023.txt", "ishiba-vietnam-visit-2025.txt",
            "kim-jong-un-vostochny-cosmodrome-2023.txt", "putin-china-state-visit-2024.txt",
            "putin-kazakhstan-state-visit-2024.txt", "putin-kim-treaty-pyongyang-2024.txt", "putin-mongolia-visit-2024.txt",
            "putin-to-lam-hanoi-talks-2024.txt", "vietnam-economy-second-quarter-2024.txt",
            "xi-jinping-hanoi-state-visit-2023.txt", "yoon-suk-yeol-vietnam-state-visit-2023.txt");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SolrTestCluster cluster;
    private static StubSlack slack;
    private static Path dataDirs;
    private static PackagedHerald replicaA;
    private static PackagedHerald replicaB;

    @BeforeAll
    static void startClusterAndReplicas() throws Exception {
        cluster = SolrTestCluster.start(2);
        slack = new StubSlack().start();
        dataDirs = Files.createTempDirectory("herald-replicas");
        Map<String, String> env = new HashMap<>(Map.of(
                "HERALD_INDEX_BACKEND", "solr",
                "HERALD_SOLR_ZK_HOSTS", cluster.zkHosts(),
                "HERALD_SOLR_COLLECTION_PREFIX", "replicas",
                "HERALD_ANSWER_MODE", "retrieval-only",
                "HERALD_SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "HERALD_SLACK_BOT_TOKEN", "xoxb-it-token",
                "HERALD_SLACK_API_URL", slack.apiUrl()));
        replicaA = PackagedHerald.start(dataDirs.resolve("a"), "http://127.0.0.1:9", env);
        replicaB = PackagedHerald.start(dataDirs.resolve("b"), "http://127.0.0.1:9", env);
        replicaA.awaitReady(Duration.ofMinutes(10));
        replicaB.awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{replicaA, replicaB}) {
            if (c != null) {
                c.close();
            }
        }
        if (slack != null) {
            slack.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void labelledSetOnSolrCloudScoresAsOnTheEmbeddedIndex() throws Exception {
        for (String name : COMPETING) {
            ingest(name.hashCode() % 2 == 0 ? replicaA : replicaB, resource("eval/articles/" + name));
        }
        List<LabelledQuestion> questions = LabelledQuestion.load("eval/herald-questions.jsonl");
        Evaluator.Report onSolr = new Evaluator(new ServiceAnswerer(replicaB.uri("/").toString())).run(questions);

        Evaluator.Report embedded;
        Map<String, String> lucene = Map.of("HERALD_ANSWER_MODE", "retrieval-only");
        try (PackagedHerald alone = PackagedHerald.start(dataDirs.resolve("embedded"), "http://127.0.0.1:9", lucene)) {
            alone.awaitReady(Duration.ofMinutes(10));
            for (String name : COMPETING) {
                ingest(alone, resource("eval/articles/" + name));
            }
            embedded = new Evaluator(new ServiceAnswerer(alone.uri("/").toString())).run(questions);
        }
        LOG.infof("labelled set (%d questions): recall@5 %.3f embedded, %.3f SolrCloud; recall@1 %.3f embedded, %.3f SolrCloud",
                questions.size(), embedded.recallAt(5), onSolr.recallAt(5), embedded.recallAt(1), onSolr.recallAt(1));
        assertEquals(embedded.recallAt(5), onSolr.recallAt(5), 1e-9, "recall@5");
        long answerable = onSolr.outcomes().stream().filter(o -> o.question().answerable()).count();
        assertTrue(Math.abs(embedded.recallAt(1) - onSolr.recallAt(1)) * answerable <= 1.0 + 1e-9,
                "recall@1 within one question: " + embedded.recallAt(1) + " embedded, " + onSolr.recallAt(1) + " SolrCloud");
    }

    @Test
    @Order(2)
    void articleIngestedThroughOneReplicaIsAnsweredByTheOther() throws Exception {
        String id = ingest(replicaA, """
                Hanoi opens its third metro line

                Hanoi opened the Nhon - Hanoi Station metro line on Thursday. The elevated section runs 8.5 kilometres
                through the west of the city, with eight stations, and trains run every ten minutes.""");
        JsonNode answer = ask(replicaB, "How long is the elevated section of the Nhon metro line?", null);
        assertEquals(id, answer.path("sources").path(0).path("documentId").asText(), answer.toString());
    }

    @Test
    @Order(3)
    void conversationBegunOnOneReplicaContinuesOnTheOther() throws Exception {
        ingest(replicaA, """
                Hanoi signs metro financing

                The city of Hanoi signed a financing agreement for its metro on Monday. The agreement was signed with
                three banks, and officials said more agreements will be signed in the autumn.""");
        JsonNode first = ask(replicaA, "When does Putin visit Vietnam?", null);
        String conversation = first.path("conversationId").asText();
        String followUp = "What agreements will he sign there?";

        JsonNode continued = ask(replicaB, followUp, conversation);
        JsonNode fresh = ask(replicaB, followUp, null);

        assertEquals(conversation, continued.path("conversationId").asText());
        assertTrue(continued.path("sources").path(0).path("title").asText().contains("Putin"),
                "the follow-up on B is read with the question asked on A: " + continued.path("sources").path(0));
        assertTrue(fresh.path("sources").path(0).path("title").asText().contains("metro"),
                "without the conversation the same words point elsewhere: " + fresh.path("sources").path(0));
    }

    @Test
    @Order(4)
    void slackRetryReachingTheOtherReplicaIsDropped() throws Exception {
        String channel = "CRETRY" + System.nanoTime();
        String body = SignedSlackRequests.eventCallback("EvRetry" + System.nanoTime(),
                SignedSlackRequests.mention(channel, "1718780000.000100", null, "<@" + StubSlack.BOT_USER_ID + "> when does Putin visit Vietnam?"));

        assertEquals(200, slackEvent(replicaA, body, null));
        assertEquals(200, slackEvent(replicaB, body, "1"));
        assertEquals(200, slackEvent(replicaB, body, "2"));

        slack.awaitCall("chat.postMessage", c -> channel.equals(c.param("channel")), Duration.ofSeconds(60));
        Thread.sleep(3000);
        long posts = slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).count();
        assertEquals(1, posts, "one answer for one event, though it reached both replicas");
    }

    @Test
    @Order(5)
    void bothReplicasKeepAnsweringWithOneSolrNodeStopped() throws Exception {
        cluster.cluster().stopJettySolrRunner(1);
        for (PackagedHerald replica : List.of(replicaA, replicaB)) {
            JsonNode answer = ask(replica, "When does Putin visit Vietnam?", null);
            assertTrue(answer.path("sources").path(0).path("title").asText().contains("Putin"), answer.toString());
        }
    }

    private static String ingest(PackagedHerald replica, String text) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/documents"))
                .header("Content-Type", "text/plain; charset=utf-8").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static JsonNode ask(PackagedHerald replica, String question, String conversationId) throws IOException, InterruptedException {
        Map<String, String> body = conversationId == null ? Map.of("question", question)
                : Map.of("question", question, "conversationId", conversationId);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/ask"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static int slackEvent(PackagedHerald replica, String body, String retryNum) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.uri("/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", SignedSlackRequests.signature(body, timestamp, SIGNING_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TwoReplicasOnSolrCloudIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

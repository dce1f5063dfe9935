package herald.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import herald.bench.PackagedHerald;
import herald.slack.SignedSlackRequests;
import herald.testing.SolrTestCluster;
import herald.testing.StubSlack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Two Herald replicas, each the packaged jar run with {@code java -jar} in its own process and its own data
 * folder, sharing nothing but one two-node SolrCloud cluster (2 shards x 2 replicas), answering as one service.
 * Runs in {@code mvn verify}, after packaging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasOnSolrCloudIT {

    private static final String SIGNING_SECRET = "it-signing-secret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
                // every test question comes from one address: the readers' limit is not what is tested here
                "HERALD_RATE_LIMIT_ENABLED", "false",
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
    @Order(2)
    void articleIngestedThroughOneReplicaIsAnsweredByTheOther() throws Exception {
        String id = Replicas.ingest(replicaA, """
                Hanoi opens its third metro line

                Hanoi opened the Nhon - Hanoi Station metro line on Thursday. The elevated section runs 8.5 kilometres
                through the west of the city, with eight stations, and trains run every ten minutes.""");
        JsonNode answer = Replicas.ask(replicaB, "How long is the elevated section of the Nhon metro line?", null);
        assertEquals(id, answer.path("sources").path(0).path("documentId").asText(), answer.toString());
    }

    @Test
    @Order(3)
    void conversationBegunOnOneReplicaContinuesOnTheOther() throws Exception {
        String ferry = Replicas.ingest(replicaA, """
                Zorvath island ferry begins service

                The new ferry to Zorvath island starts sailing on Monday from the old harbour. Tickets cost twelve
                dollars for adults, and the crossing takes forty minutes.""");
        String tram = Replicas.ingest(replicaA, """
                Quellbrook tram line opens

                The Quellbrook tram line starts running on Monday through the valley. Tickets cost three dollars,
                and trams leave every quarter of an hour.""");
        String followUp = "How much do its tickets cost?"; // "its": a follow-up, read with the question before it

        String onA = Replicas.ask(replicaA, "When does the Zorvath ferry start sailing?", null).path("conversationId").asText();
        String onB = Replicas.ask(replicaB, "When does the Quellbrook tram start running?", null).path("conversationId").asText();
        JsonNode continuedOnB = Replicas.ask(replicaB, followUp, onA);
        JsonNode continuedOnA = Replicas.ask(replicaA, followUp, onB);

        assertEquals(onA, continuedOnB.path("conversationId").asText());
        assertEquals(ferry, continuedOnB.path("sources").path(0).path("documentId").asText(),
                "the same words, read with the question asked on A: " + continuedOnB.path("sources").path(0));
        assertEquals(tram, continuedOnA.path("sources").path(0).path("documentId").asText(),
                "the same words, read with the question asked on B: " + continuedOnA.path("sources").path(0));
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
            JsonNode answer = Replicas.ask(replica, "When does Putin visit Vietnam?", null);
            assertTrue(answer.path("sources").path(0).path("title").asText().contains("Putin"), answer.toString());
        }
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
}

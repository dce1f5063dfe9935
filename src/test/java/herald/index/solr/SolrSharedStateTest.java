package herald.index.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import herald.answer.ConversationStore;
import herald.answer.SolrConversationStore;
import herald.answer.Turn;
import herald.slack.SlackRetryMemory;
import herald.slack.SolrSlackRetryMemory;
import herald.testing.SettableClock;
import herald.testing.SolrTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State two replicas share on SolrCloud, each replica with its own connection to the same cluster: what one
 * writes, the other reads at once, and conditional writes let only one of them win.
 */
class SolrSharedStateTest {

    private static SolrTestCluster cluster;
    private static SolrCloud replicaA;
    private static SolrCloud replicaB;
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2024-06-19T08:00:00Z"));

    @BeforeAll
    static void startCluster() {
        cluster = SolrTestCluster.start(2);
        replicaA = new SolrCloud(cluster.zkHosts(), "shared", 2, 2);
        replicaB = new SolrCloud(cluster.zkHosts(), "shared", 2, 2);
    }

    @AfterAll
    static void stopCluster() {
        replicaA.close();
        replicaB.close();
        cluster.close();
    }

    @Test
    void conversationBegunOnOneReplicaContinuesOnTheOther() {
        ConversationStore a = conversations(replicaA, 3);
        ConversationStore b = conversations(replicaB, 3);
        String id = ConversationStore.newId();
        a.append(id, turn("When does Putin visit Vietnam?"));
        assertEquals(List.of("When does Putin visit Vietnam?"), questions(b.history(id)));
        b.append(id, turn("Who does he meet?"));
        a.append(id, turn("And after Hanoi?"));
        b.append(id, turn("What did they sign?"));
        assertEquals(List.of("Who does he meet?", "And after Hanoi?", "What did they sign?"), questions(a.history(id)),
                "the oldest turn beyond the limit is forgotten");
        assertTrue(a.history(ConversationStore.newId()).isEmpty());
    }

    @Test
    void concurrentAppendsFromTwoReplicasKeepEveryTurn() throws Exception {
        ConversationStore a = conversations(replicaA, 50);
        ConversationStore b = conversations(replicaB, 50);
        String id = ConversationStore.newId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String n = String.valueOf(i);
                writes.add(pool.submit(() -> a.append(id, turn("a" + n))));
                writes.add(pool.submit(() -> b.append(id, turn("b" + n))));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(12, a.history(id).size());
    }

    @Test
    void idleConversationIsForgotten() {
        ConversationStore a = conversations(replicaA, 3);
        String id = ConversationStore.newId();
        a.append(id, turn("When does Putin visit Vietnam?"));
        CLOCK.advance(Duration.ofHours(25));
        assertTrue(conversations(replicaB, 3).history(id).isEmpty());
    }

    @Test
    void slackRetryReachingTheOtherReplicaIsDropped() {
        SlackRetryMemory a = new SolrSlackRetryMemory(new SolrState(replicaA), Duration.ofMinutes(10), CLOCK);
        SlackRetryMemory b = new SolrSlackRetryMemory(new SolrState(replicaB), Duration.ofMinutes(10), CLOCK);
        String event = "Ev" + System.nanoTime();
        assertTrue(a.firstDelivery(event));
        assertFalse(b.firstDelivery(event));
        assertFalse(a.firstDelivery(event));
        assertTrue(b.firstDelivery(event + "-other"));
    }

    @Test
    void onlyOneOfTwoReplicasWinsARaceForTheSameEvent() throws Exception {
        SlackRetryMemory a = new SolrSlackRetryMemory(new SolrState(replicaA), Duration.ofMinutes(10), CLOCK);
        SlackRetryMemory b = new SolrSlackRetryMemory(new SolrState(replicaB), Duration.ofMinutes(10), CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 5; i++) {
                String event = "Race" + i + "-" + System.nanoTime();
                Future<Boolean> first = pool.submit(() -> a.firstDelivery(event));
                Future<Boolean> second = pool.submit(() -> b.firstDelivery(event));
                assertTrue(first.get() ^ second.get(), "exactly one replica answers " + event);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void slackEventIdIsAcceptedAgainAfterTheRetryWindow() {
        SlackRetryMemory a = new SolrSlackRetryMemory(new SolrState(replicaA), Duration.ofMinutes(10), CLOCK);
        String event = "Late" + System.nanoTime();
        assertTrue(a.firstDelivery(event));
        CLOCK.advance(Duration.ofMinutes(11));
        assertTrue(a.firstDelivery(event));
        assertFalse(a.firstDelivery(event));
    }

    private static ConversationStore conversations(SolrCloud replica, int maxTurns) {
        return new SolrConversationStore(new SolrState(replica), new ObjectMapper(), CLOCK, maxTurns, Duration.ofHours(24));
    }

    private static Turn turn(String question) {
        return new Turn(question, question, "answer to " + question, Set.of("doc1"));
    }

    private static List<String> questions(List<Turn> turns) {
        return turns.stream().map(Turn::question).toList();
    }
}

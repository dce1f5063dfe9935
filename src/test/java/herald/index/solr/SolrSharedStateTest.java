package herald.index.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import herald.answer.Answer;
import herald.answer.AnswerCache;
import herald.answer.AnswerMode;
import herald.answer.AnswerReason;
import herald.answer.Channel;
import herald.answer.CachedAnswer;
import herald.answer.ConversationStore;
import herald.answer.SolrAnswerCache;
import herald.answer.SolrConversationStore;
import herald.answer.Source;
import herald.answer.Turn;
import herald.insight.AnswerLinks;
import herald.insight.Feedback;
import herald.insight.FeedbackStore;
import herald.insight.LoggedQuestion;
import herald.insight.OpaqueKeys;
import herald.insight.QuestionLog;
import herald.insight.Rating;
import herald.insight.SolrAnswerLinks;
import herald.insight.SolrFeedbackStore;
import herald.insight.SolrQuestionLog;
import herald.slack.SlackRetryMemory;
import herald.sources.FeedSource;
import herald.sources.PollLease;
import herald.sources.PoliteFetcher;
import herald.sources.SolrPollLease;
import herald.sources.SolrSourceStore;
import herald.sources.SourceRecord;
import herald.sources.SourceStatus;
import herald.sources.SourceStore;
import herald.slack.SolrSlackRetryMemory;
import herald.testing.SettableClock;
import herald.testing.SolrTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
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

    @Test
    void questionsLoggedByEitherReplicaAreReportedTogether() {
        QuestionLog a = new SolrQuestionLog(new SolrState(replicaA), JSON);
        QuestionLog b = new SolrQuestionLog(new SolrState(replicaB), JSON);
        Instant t = Instant.parse("2024-06-19T09:00:00Z");
        a.append(List.of(logged("q1", t, "When does Putin visit Vietnam?")));
        b.append(List.of(logged("q2", t.plusSeconds(60), "Who does he meet?"), logged("q3", t.plusSeconds(3600), "Later")));

        assertEquals(List.of("q1", "q2"), a.between(t, t.plusSeconds(3600)).stream().map(LoggedQuestion::answerId).toList(),
                "oldest first, the end excluded");
        LoggedQuestion found = b.find("q1").orElseThrow();
        assertEquals("When does Putin visit Vietnam?", found.question());
        assertEquals(List.of(new LoggedQuestion.LoggedArticle("doc1", "Putin")), found.articles());
        assertArrayEquals(new float[]{0.25f, -0.5f}, found.vector());
        assertEquals(1, b.pruneBefore(t.plusSeconds(1)));
        assertTrue(a.find("q1").isEmpty());
        assertEquals(List.of("q2", "q3"), b.between(t, t.plusSeconds(7200)).stream().map(LoggedQuestion::answerId).toList());
    }

    @Test
    void aLongReportRangeIsReadInFull() {
        QuestionLog log = new SolrQuestionLog(new SolrState(replicaA), JSON);
        Instant t = Instant.parse("2024-07-01T00:00:00Z"); // after every other test's questions, which they prune
        List<LoggedQuestion> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(logged("long" + i, t.plusSeconds(i), "question " + i));
        }
        log.append(many);
        List<LoggedQuestion> read = log.between(t, t.plusSeconds(10_000));
        assertEquals(2_500, read.size(), "more than one page");
        assertEquals("long0", read.get(0).answerId());
        assertEquals("long2499", read.get(2_499).answerId());
    }

    @Test
    void aReadersSecondRatingThroughTheOtherReplicaReplacesTheFirst() {
        FeedbackStore a = new SolrFeedbackStore(new SolrState(replicaA));
        FeedbackStore b = new SolrFeedbackStore(new SolrState(replicaB));
        Instant t = Instant.parse("2024-06-18T09:00:00Z");
        a.rate(new Feedback("answer1", "voter1", Rating.UP, null, t));
        b.rate(new Feedback("answer1", "voter1", Rating.DOWN, "wrong date", t.plusSeconds(5)));
        b.rate(new Feedback("answer1", "voter2", Rating.UP, null, t.plusSeconds(6)));
        a.rate(new Feedback("answer2", "voter1", Rating.UP, null, t.plusSeconds(7)));

        List<Feedback> ratings = a.forAnswers(List.of("answer1"));
        assertEquals(List.of(Rating.DOWN, Rating.UP), ratings.stream().map(Feedback::rating).toList());
        assertEquals("wrong date", ratings.get(0).comment());
        assertEquals(3, b.forAnswers(List.of("answer1", "answer2", "answer3")).size());
        assertEquals(3, b.pruneBefore(t.plusSeconds(60)));
        assertTrue(a.forAnswers(List.of("answer1", "answer2")).isEmpty());
    }

    @Test
    void aReactionTakenBackThroughTheOtherReplicaWithdrawsOnlyThatRating() {
        FeedbackStore a = new SolrFeedbackStore(new SolrState(replicaA));
        FeedbackStore b = new SolrFeedbackStore(new SolrState(replicaB));
        Instant t = Instant.parse("2024-06-20T09:00:00Z"); // after the other test's ratings, which it prunes
        a.rate(new Feedback("answer9", "voter1", Rating.UP, null, t));
        a.rate(new Feedback("answer9", "voter2", Rating.DOWN, null, t));

        assertFalse(b.withdraw("answer9", "voter2", Rating.UP), "voter2's rating is a thumbs-down");
        assertTrue(b.withdraw("answer9", "voter1", Rating.UP));
        assertFalse(b.withdraw("answer9", "voter1", Rating.UP), "already withdrawn");
        assertEquals(List.of("voter2"), a.forAnswers(List.of("answer9")).stream().map(Feedback::voter).toList());
    }

    @Test
    void aMessageLinkedOnOneReplicaIsFoundOnTheOther() {
        AnswerLinks a = new SolrAnswerLinks(new SolrState(replicaA));
        AnswerLinks b = new SolrAnswerLinks(new SolrState(replicaB));
        Instant t = Instant.parse("2024-06-17T09:00:00Z");
        a.link("message1", "answer1", t);
        a.link("message2", "answer2", t.plusSeconds(3600));
        assertEquals("answer1", b.answerId("message1").orElseThrow());
        assertTrue(b.answerId("message3").isEmpty());
        assertEquals(1, b.pruneBefore(t.plusSeconds(60)));
        assertTrue(a.answerId("message1").isEmpty());
        assertEquals("answer2", a.answerId("message2").orElseThrow());
    }

    @Test
    void everyReplicaKeysRatingsWithTheSameSecret() {
        byte[] a = OpaqueKeys.sharedSecret(new SolrState(replicaA));
        byte[] b = OpaqueKeys.sharedSecret(new SolrState(replicaB));
        assertEquals(32, a.length);
        assertArrayEquals(a, b);
    }

    @Test
    void anAnswerCachedOnOneReplicaIsReusedOnTheOtherUntilItsArticleChanges() {
        // real time: Solr itself removes entries whose expiry has passed by its own clock
        SettableClock now = new SettableClock(Instant.now());
        AnswerCache a = new SolrAnswerCache(new SolrState(replicaA), JSON, now);
        AnswerCache b = new SolrAnswerCache(new SolrState(replicaB), JSON, now);
        String passages = "putin#0|putin#1|" + System.nanoTime();
        Answer answer = new Answer("answer1", "June 19-20 [1].", "conv1", AnswerMode.LLM, null, false,
                List.of(new Source("putin", "Putin visits Vietnam", "Wire", LocalDate.of(2024, 6, 18), "Putin arrives on June 19.", 0.9)));
        a.put(new CachedAnswer(passages, "when does putin visit vietnam", new float[]{0.5f, 0.25f}, Set.of("putin", "https://news.example/a?b=1"),
                answer, now.instant().plus(Duration.ofMinutes(10))));
        a.put(new CachedAnswer("other" + passages, "who is to lam", new float[]{0.1f}, Set.of("tolam"), answer,
                now.instant().plus(Duration.ofMinutes(10))));

        List<CachedAnswer> found = awaitCached(b, passages);
        assertEquals(1, found.size());
        assertEquals(answer, found.get(0).answer());
        assertEquals("when does putin visit vietnam", found.get(0).question());
        assertArrayEquals(new float[]{0.5f, 0.25f}, found.get(0).questionVector());

        b.forgetArticle("https://news.example/a?b=1");
        assertTrue(a.onPassages(passages).isEmpty(), "an article changed through B drops A's answer");
        assertEquals(1, awaitCached(a, "other" + passages).size(), "answers on other articles stay");
        now.advance(Duration.ofMinutes(11));
        assertTrue(a.onPassages("other" + passages).isEmpty(), "expired");
    }

    @Test
    void aNewerAnswerToTheSameWordingOnTheSamePassagesReplacesTheOlderOnEveryReplica() {
        SettableClock now = new SettableClock(Instant.now());
        AnswerCache a = new SolrAnswerCache(new SolrState(replicaA), JSON, now);
        AnswerCache b = new SolrAnswerCache(new SolrState(replicaB), JSON, now);
        String passages = "putin#0|" + System.nanoTime();
        Instant expires = now.instant().plus(Duration.ofMinutes(10));
        Answer older = new Answer("older", "June 19-20 [1].", "conv1", AnswerMode.LLM, null, false, List.of());
        Answer newer = new Answer("newer", "On June 19 and 20 [1].", "conv2", AnswerMode.LLM, null, false, List.of());
        a.put(new CachedAnswer(passages, "when does putin visit vietnam", new float[]{0.5f}, Set.of("putin"), older, expires));
        assertEquals(1, awaitCached(b, passages).size());

        b.put(new CachedAnswer(passages, "when does putin visit vietnam", new float[]{0.5f}, Set.of("putin"), newer, expires));
        List<CachedAnswer> found = awaitCached(a, passages, f -> f.size() == 1 && f.get(0).answer().equals(newer));
        assertEquals(List.of(newer), found.stream().map(CachedAnswer::answer).toList(), "replaced, not added");
    }

    /** Cached answers become visible to searches within a second, without a commit per answer. */
    private static List<CachedAnswer> awaitCached(AnswerCache cache, String passages) {
        return awaitCached(cache, passages, found -> !found.isEmpty());
    }

    /** What the cache holds on these passages once {@code done} says so, or after 30 seconds. */
    private static List<CachedAnswer> awaitCached(AnswerCache cache, String passages, Predicate<List<CachedAnswer>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<CachedAnswer> found = cache.onPassages(passages);
        while (!done.test(found) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            found = cache.onPassages(passages);
        }
        return found;
    }

    @Test
    void aSourceSavedThroughOneReplicaIsListedUpdatedAndDeletedThroughTheOther() {
        SourceStore a = new SolrSourceStore(new SolrState(replicaA));
        SourceStore b = new SolrSourceStore(new SolrState(replicaB));
        Instant t = Instant.parse("2024-06-19T08:00:00Z");
        FeedSource feed = new FeedSource("src1", "https://news.example/feed.xml", "Example News", Duration.ofMinutes(10), false, t);
        SourceRecord added = new SourceRecord(feed, SourceStatus.firstPollAt(t), new PoliteFetcher.Validators("\"v1\"", null),
                Map.of("https://news.example/putin", new SourceRecord.KnownItem("article1", t, PoliteFetcher.Validators.NONE)));
        a.save(added);
        assertEquals(added, b.find("src1").orElseThrow());
        assertEquals(List.of("src1"), b.all().stream().map(r -> r.source().id()).toList());

        SourceRecord polled = added.with(SourceStatus.firstPollAt(t.plus(Duration.ofMinutes(10))));
        b.save(polled);
        assertEquals(polled.status(), a.all().get(0).status(), "the next poll time every replica sees");

        assertTrue(a.delete("src1"));
        assertTrue(b.find("src1").isEmpty());
        assertTrue(b.all().isEmpty());
        assertFalse(b.delete("src1"));
    }

    @Test
    void onlyOneReplicaHoldsAFeedsPollLeaseUntilItIsReleasedOrExpires() {
        // real time: Solr itself removes state whose expiry has passed by its own clock
        SettableClock now = new SettableClock(Instant.now());
        PollLease a = new SolrPollLease(new SolrState(replicaA), now);
        PollLease b = new SolrPollLease(new SolrState(replicaB), now);
        String source = "feed" + System.nanoTime();
        Duration lease = Duration.ofMinutes(15);

        assertTrue(a.acquire(source, lease));
        assertFalse(b.acquire(source, lease));
        b.release(source);
        assertFalse(b.acquire(source, lease), "a replica cannot release another's lease");
        a.release(source);
        assertTrue(b.acquire(source, lease), "released when A's poll ended");
        now.advance(Duration.ofMinutes(16));
        assertTrue(a.acquire(source, lease), "B died holding it: expired");
    }

    @Test
    void twoReplicasRacingForAPollLeaseGetOneWinner() throws Exception {
        PollLease a = new SolrPollLease(new SolrState(replicaA), java.time.Clock.systemUTC());
        PollLease b = new SolrPollLease(new SolrState(replicaB), java.time.Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 5; i++) {
                String source = "race" + i + "-" + System.nanoTime();
                Future<Boolean> first = pool.submit(() -> a.acquire(source, Duration.ofMinutes(15)));
                Future<Boolean> second = pool.submit(() -> b.acquire(source, Duration.ofMinutes(15)));
                assertTrue(first.get() ^ second.get(), "exactly one replica polls " + source);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static LoggedQuestion logged(String answerId, Instant at, String question) {
        return new LoggedQuestion(answerId, at, Channel.REST, question, question, AnswerMode.RETRIEVAL_ONLY,
                AnswerReason.MODE_SETTING, false, "June 19-20", List.of(new LoggedQuestion.LoggedArticle("doc1", "Putin")), 12,
                new float[]{0.25f, -0.5f});
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

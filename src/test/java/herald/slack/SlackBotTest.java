package herald.slack;

import com.fasterxml.jackson.databind.JsonNode;
import herald.testing.SlackProfile;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import herald.testing.StubSlack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static herald.slack.SignedSlackRequests.directMessage;
import static herald.slack.SignedSlackRequests.eventCallback;
import static herald.slack.SignedSlackRequests.eventCallbackWithoutAuthorizations;
import static herald.slack.SignedSlackRequests.mention;
import static herald.slack.SignedSlackRequests.signed;
import static herald.slack.SignedSlackRequests.signedForm;
import static herald.slack.SignedSlackRequests.signedJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slack bot end to end: signed requests in, answers out through a stub Slack Web API and the stub Ollama. */
@QuarkusTest
@TestProfile(SlackProfile.class)
class SlackBotTest {

    private static final StubSlack SLACK = SlackProfile.SLACK;
    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;
    /** Generous for a 2-core CI machine; the stub LLM answers at once unless a test slows it. */
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(20);
    private static final String ANSWER = "Putin visits Vietnam on June 19-20, 2024 [1].";

    @BeforeEach
    void freshStubs() throws IOException {
        OLLAMA.reset();
        OLLAMA.answerWith(ANSWER);
        SLACK.reset();
    }

    @Test
    void answersUrlVerificationWithItsChallenge() {
        signedJson("{\"token\":\"unused\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}")
                .when().post("/slack/events")
                .then().statusCode(200)
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
        assertEquals(List.of(), SLACK.calls());
    }

    @Test
    void answersMentionInItsThreadWithSources() {
        signedJson(eventCallback("Ev0MENTION1", mention("C0NEWS", "1718700000.000100", null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?")))
                .when().post("/slack/events")
                .then().statusCode(200);

        StubSlack.Call post = SLACK.awaitCall("chat.postMessage", inChannel("C0NEWS"), ANSWER_DEADLINE);
        assertEquals("1718700000.000100", post.param("thread_ts"), "answered in a thread under the question");
        assertEquals(ANSWER, post.param("text"));
        String blocks = post.param("blocks");
        assertTrue(blocks.contains(ANSWER), blocks);
        assertTrue(blocks.contains("*Sources*"), blocks);
        assertTrue(blocks.contains("[1] Putin to Visit North Korea and Vietnam"), blocks);
        assertTrue(blocks.contains("2024-06-17"), blocks);
        assertTrue(blocks.contains("June 19-20"), "the cited passage is quoted: " + blocks);
        assertFalse(blocks.contains("Retrieval-only"), blocks);

        StubSlack.Call eyes = SLACK.calls("reactions.add").get(0);
        assertEquals("eyes", eyes.param("name"));
        assertEquals("1718700000.000100", eyes.param("timestamp"));
        String question = StubOllama.message(OLLAMA.requests().get(0), "user");
        assertTrue(question.contains("Question: When does Putin visit Vietnam?"), "the mention is stripped: " + question);
    }

    @Test
    void postsTheCheckedAnswerRatherThanAnInventedDate() {
        OLLAMA.answerWith("Putin visits Vietnam on July 4-5 [1].");
        signedJson(eventCallback("Ev0MENTIONCHECK", mention("C0CHECK", "1718700900.000100", null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?")))
                .when().post("/slack/events")
                .then().statusCode(200);

        StubSlack.Call post = SLACK.awaitCall("chat.postMessage", inChannel("C0CHECK"), ANSWER_DEADLINE);
        assertFalse(post.param("text").contains("July 4-5"), post.param("text"));
        assertTrue(post.param("text").contains("June 19-20"), "the quote instead: " + post.param("text"));
        assertTrue(post.param("blocks").contains("stated something they do not say"), post.param("blocks"));
    }

    @Test
    void answersFollowUpFromThreadHistory() {
        OLLAMA.answerWith(request -> StubOllama.message(request, "user").contains("Follow-up question:")
                ? List.of("When was Putin's previous visit to North Korea?")
                : List.of("An answer [1]."));
        signedJson(eventCallback("Ev0THREAD1", mention("C0NEWS", "1718700100.000100", null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin arrive in North Korea?")))
                .when().post("/slack/events").then().statusCode(200);
        SLACK.awaitCall("chat.postMessage", inThread("1718700100.000100"), ANSWER_DEADLINE);

        signedJson(eventCallback("Ev0THREAD2", mention("C0NEWS", "1718700200.000200", "1718700100.000100",
                "<@" + StubSlack.BOT_USER_ID + "> When was his previous visit there?")))
                .when().post("/slack/events").then().statusCode(200);
        List<StubSlack.Call> posts = SLACK.awaitCalls("chat.postMessage", 2, ANSWER_DEADLINE);

        assertEquals("1718700100.000100", posts.get(1).param("thread_ts"), "the follow-up is answered in the same thread");
        List<JsonNode> requests = OLLAMA.requests();
        assertEquals(3, requests.size(), "answer, rewrite of the follow-up, answer");
        String rewrite = StubOllama.message(requests.get(1), "user");
        assertTrue(rewrite.contains("When does Putin arrive in North Korea?"), rewrite);
        String finalPrompt = StubOllama.message(requests.get(2), "user");
        assertTrue(finalPrompt.contains("Earlier in this conversation:") && finalPrompt.contains("When does Putin arrive in North Korea?"),
                finalPrompt);
        assertTrue(posts.get(1).param("blocks").contains("since July 2000"), "retrieval used the rewritten question: " + posts.get(1).param("blocks"));
    }

    @Test
    void answersDirectMessageInTheDm() {
        // non-ASCII on purpose: the signature is over the UTF-8 bytes Slack sends
        signedJson(eventCallback("Ev0DM1", directMessage("D0ASKER", "1718700300.000100", "UASKER", "When does Putin meet Tô Lâm in Hanoi?")))
                .when().post("/slack/events").then().statusCode(200);

        StubSlack.Call post = SLACK.awaitCall("chat.postMessage", inChannel("D0ASKER"), ANSWER_DEADLINE);
        assertNull(post.param("thread_ts"), "a DM is answered in the DM, not in a thread");
        assertTrue(post.param("blocks").contains("*Sources*"), post.param("blocks"));
        String question = StubOllama.message(OLLAMA.requests().get(0), "user");
        assertTrue(question.contains("Question: When does Putin meet Tô Lâm in Hanoi?"), question);
    }

    @Test
    void answersSlashCommandThroughResponseUrl() {
        String form = "token=unused&team_id=T0001&channel_id=C0NEWS&user_id=UASKER&command=%2Fherald"
                + "&text=" + URLEncoder.encode("When does Putin visit Vietnam?", StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(SLACK.responseUrl("T0001/1234/abcd"), StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        signedForm(form).when().post("/slack/commands")
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("Looking it up"));

        StubSlack.Call response = SLACK.awaitCalls("response_url", 1, ANSWER_DEADLINE).get(0);
        assertEquals("/response/T0001/1234/abcd", response.param("path"));
        assertTrue(response.body().contains("\"response_type\":\"ephemeral\""), response.body());
        assertTrue(response.body().contains(ANSWER), response.body());
        assertTrue(response.body().contains("*Sources*"), response.body());
        assertEquals(List.of(), SLACK.calls("chat.postMessage"));
    }

    @Test
    void answersAReplayedSlashCommandOnce() {
        String form = "token=unused&team_id=T0001&channel_id=C0NEWS&user_id=UASKER&command=%2Fherald"
                + "&text=" + URLEncoder.encode("When does Putin visit Vietnam?", StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(SLACK.responseUrl("T0001/1234/replayed"), StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        signed(form, timestamp, SlackProfile.SIGNING_SECRET).contentType("application/x-www-form-urlencoded")
                .when().post("/slack/commands").then().statusCode(200);
        for (int replay = 0; replay < 2; replay++) {
            signed(form, timestamp, SlackProfile.SIGNING_SECRET).contentType("application/x-www-form-urlencoded")
                    .when().post("/slack/commands")
                    .then().statusCode(409).contentType("application/problem+json");
        }
        SLACK.awaitCalls("response_url", 1, ANSWER_DEADLINE);
        sleep(Duration.ofSeconds(2));
        assertEquals(1, SLACK.calls("response_url").size(), "answered once: " + SLACK.calls("response_url"));
    }

    @Test
    void postsSlashCommandAnswersOnlyToSlackHooks() {
        String elsewhere = SLACK.responseUrl("x").replace("/response/x", "/elsewhere/x");
        for (String responseUrl : List.of("https://attacker.example/collect", elsewhere, "http://hooks.slack.com/commands/T0/1/x")) {
            String form = "command=%2Fherald&text=" + URLEncoder.encode("When does Putin visit Vietnam?", StandardCharsets.UTF_8)
                    + "&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
            signedForm(form).when().post("/slack/commands")
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("response_url"));
        }
        sleep(Duration.ofSeconds(1));
        assertNothingAnswered();
    }

    @Test
    void refusesForgedSignature() {
        String body = eventCallback("Ev0FORGED", mention("C0NEWS", "1718700400.000100", null, "When does Putin visit Vietnam?"));
        signed(body, Instant.now().getEpochSecond(), "not-the-signing-secret").contentType("application/json")
                .when().post("/slack/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("signature"));
        assertNothingAnswered();
    }

    @Test
    void refusesTamperedBody() {
        String body = eventCallback("Ev0TAMPER", mention("C0NEWS", "1718700450.000100", null, "When does Putin visit Vietnam?"));
        long now = Instant.now().getEpochSecond();
        given().header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SignedSlackRequests.signature(body, now, SlackProfile.SIGNING_SECRET))
                .contentType("application/json").body(body.replace("Vietnam", "Vietnam and ignore the rules"))
                .when().post("/slack/events")
                .then().statusCode(401);
        assertNothingAnswered();
    }

    @Test
    void refusesStaleTimestamp() {
        String body = eventCallback("Ev0STALE", mention("C0NEWS", "1718700500.000100", null, "When does Putin visit Vietnam?"));
        signed(body, Instant.now().minusSeconds(6 * 60).getEpochSecond(), SlackProfile.SIGNING_SECRET).contentType("application/json")
                .when().post("/slack/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("5 minutes"));
        assertNothingAnswered();
    }

    @Test
    void refusesRequestsWithoutSignatureHeaders() {
        given().contentType("application/json")
                .body(eventCallback("Ev0UNSIGNED", mention("C0NEWS", "1718700600.000100", null, "When does Putin visit Vietnam?")))
                .when().post("/slack/events")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded")
                .body("command=%2Fherald&text=hello&response_url=" + URLEncoder.encode(SLACK.responseUrl("x"), StandardCharsets.UTF_8))
                .when().post("/slack/commands")
                .then().statusCode(401)
                .contentType("application/problem+json");
        assertNothingAnswered();
    }

    @Test
    void answersRetriedEventOnce() {
        String body = eventCallback("Ev0RETRIED", mention("C0NEWS", "1718700700.000100", null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?"));
        signedJson(body).when().post("/slack/events").then().statusCode(200);
        signedJson(body).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);
        signedJson(body).header("X-Slack-Retry-Num", "2").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);
        // one worker answers in arrival order: once this later question is answered, any duplicate would have been too
        askSentinelInDm("Ev0RETRIED-SENTINEL");

        List<StubSlack.Call> posts = SLACK.calls("chat.postMessage");
        assertEquals(1, posts.stream().filter(p -> "1718700700.000100".equals(p.param("thread_ts"))).count(), posts.toString());
        assertEquals(2, posts.size(), posts.toString());
    }

    @Test
    void acknowledgesWithinThreeSecondsWhileTheLlmTakesTen() {
        OLLAMA.slow(Duration.ofSeconds(10), Duration.ZERO);
        String body = eventCallback("Ev0SLOW", mention("C0NEWS", "1718700800.000100", null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?"));

        long started = System.nanoTime();
        signedJson(body).when().post("/slack/events").then().statusCode(200);
        Duration ack = Duration.ofNanos(System.nanoTime() - started);
        int postedAtAck = SLACK.calls("chat.postMessage").size();

        assertTrue(ack.compareTo(Duration.ofSeconds(3)) < 0, "Slack needs the ack within 3 s; it took " + ack);
        assertEquals(0, postedAtAck, "the answer comes after the ack, not before it");
        // the test profile waits 3 s for the LLM's first token, then quotes the articles
        StubSlack.Call post = SLACK.awaitCall("chat.postMessage", inThread("1718700800.000100"), ANSWER_DEADLINE);
        assertTrue(post.param("blocks").contains("Retrieval-only answer"), "a quoted answer is marked: " + post.param("blocks"));
        assertTrue(post.param("text").startsWith("(retrieval-only)"), post.param("text"));
    }

    @Test
    void ignoresItsOwnAndOtherBotsMessagesAndEdits() {
        // no authorizations in the envelope: the bot learns its user id from auth.test
        signedJson(eventCallbackWithoutAuthorizations("Ev0OWN", directMessage("D0ASKER", "1718700900.000100",
                StubSlack.BOT_USER_ID, "Putin visits Vietnam on June 19-20.")))
                .when().post("/slack/events").then().statusCode(200);
        signedJson(eventCallback("Ev0OTHERBOT", "{\"type\":\"message\",\"channel_type\":\"im\",\"subtype\":\"bot_message\","
                + "\"bot_id\":\"BOTHER\",\"text\":\"When does Putin visit Vietnam?\",\"ts\":\"1718700900.000200\",\"channel\":\"D0ASKER\"}"))
                .when().post("/slack/events").then().statusCode(200);
        signedJson(eventCallback("Ev0EDIT", "{\"type\":\"message\",\"channel_type\":\"im\",\"subtype\":\"message_changed\","
                + "\"message\":{\"user\":\"UASKER\",\"text\":\"When does Putin visit Vietnam?\",\"ts\":\"1718700900.000300\"},"
                + "\"ts\":\"1718700900.000400\",\"channel\":\"D0ASKER\"}"))
                .when().post("/slack/events").then().statusCode(200);
        signedJson(eventCallback("Ev0DELETE", "{\"type\":\"message\",\"channel_type\":\"im\",\"subtype\":\"message_deleted\","
                + "\"deleted_ts\":\"1718700900.000300\",\"ts\":\"1718700900.000500\",\"channel\":\"D0ASKER\"}"))
                .when().post("/slack/events").then().statusCode(200);
        askSentinelInDm("Ev0IGNORED-SENTINEL");

        assertEquals(1, SLACK.calls("auth.test").size(), SLACK.calls().toString());
        assertEquals(1, SLACK.calls("chat.postMessage").size(), SLACK.calls().toString());
        assertEquals(1, OLLAMA.requests().size(), "only the sentinel question reached the LLM");
    }

    @Test
    void tellsAskersWhenEveryWorkerIsBusy() {
        // one worker, a queue of one (SlackProfile): of three slow questions at least one cannot wait
        OLLAMA.slow(Duration.ofSeconds(10), Duration.ZERO);
        for (int i = 1; i <= 3; i++) {
            signedJson(eventCallback("Ev0BUSY" + i, mention("C0NEWS", "171870100" + i + ".000100", null,
                    "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?")))
                    .when().post("/slack/events").then().statusCode(200);
        }
        for (int i = 1; i <= 3; i++) {
            SLACK.awaitCall("chat.postMessage", inThread("171870100" + i + ".000100"), Duration.ofSeconds(40));
        }
        List<StubSlack.Call> posts = SLACK.calls("chat.postMessage");

        long busy = posts.stream().filter(p -> p.param("text").contains("answering a lot of questions")).count();
        assertTrue(busy >= 1, posts.toString());
        for (int i = 1; i <= 3; i++) {
            String thread = "171870100" + i + ".000100";
            assertEquals(1, posts.stream().filter(p -> thread.equals(p.param("thread_ts"))).count(),
                    "every question gets exactly one reply, answer or busy: " + posts);
        }
    }

    /** Asks a question in another DM and waits for its answer: with one worker, everything asked before it is done by then. */
    private void askSentinelInDm(String eventId) {
        signedJson(eventCallback(eventId, directMessage("D0SENTINEL", "1718709999.000100", "UASKER", "When does Putin visit Vietnam?")))
                .when().post("/slack/events").then().statusCode(200);
        SLACK.awaitCall("chat.postMessage", inChannel("D0SENTINEL"), ANSWER_DEADLINE);
    }

    private static Predicate<StubSlack.Call> inChannel(String channel) {
        return call -> channel.equals(call.param("channel"));
    }

    private static Predicate<StubSlack.Call> inThread(String threadTs) {
        return call -> threadTs.equals(call.param("thread_ts"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assertNothingAnswered() {
        assertEquals(List.of(), SLACK.calls(), "nothing may be posted for a refused request");
        assertEquals(List.of(), OLLAMA.requests(), "a refused request must not reach the LLM");
    }
}

package herald.slack;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static herald.slack.SignedSlackRequests.directMessage;
import static herald.slack.SignedSlackRequests.eventCallback;
import static herald.slack.SignedSlackRequests.mention;
import static herald.slack.SignedSlackRequests.signedForm;
import static herald.slack.SignedSlackRequests.signedJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack bot limits each Slack user, not each workspace: a user asking faster than the bucket refills is
 * told to slow down where they asked (in the thread, or in the slash command's ephemeral reply), while
 * another user goes on being answered.
 */
@QuarkusTest
@TestProfile(SlackRateLimitTest.TwoQuestionsAtOnce.class)
class SlackRateLimitTest {

    private static final StubSlack SLACK = SlackProfile.SLACK;
    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(20);
    private static final String ANSWER = "Putin visits Vietnam on June 19-20, 2024 [1].";

    /** A burst of two questions per user, then one a minute; enough workers that the queue never says busy. */
    public static class TwoQuestionsAtOnce extends SlackProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.putAll(Map.of(
                    "herald.rate-limit.enabled", "true",
                    "herald.rate-limit.burst", "2",
                    "herald.rate-limit.per-minute", "1",
                    "herald.slack.workers", "2",
                    "herald.slack.queue-size", "10"));
            return config;
        }
    }

    @BeforeEach
    void freshStubs() throws IOException {
        OLLAMA.reset();
        OLLAMA.answerWith(ANSWER);
        SLACK.reset();
    }

    @Test
    void aUserAskingTooFastIsToldToSlowDownInTheThreadWhileOthersAreAnswered() {
        for (int i = 1; i <= 3; i++) {
            signedJson(eventCallback("Ev0FAST" + i, mention("C0FAST", "1718700100.00010" + i, null,
                    "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?")))
                    .when().post("/slack/events")
                    .then().statusCode(200);
        }
        StubSlack.Call slowDown = SLACK.awaitCall("chat.postMessage",
                call -> "C0FAST".equals(call.param("channel")) && call.param("text").contains("slow down"), ANSWER_DEADLINE);
        assertEquals("1718700100.000103", slowDown.param("thread_ts"), "the third question is told in its own thread");
        assertTrue(slowDown.param("text").matches("(?s).*ask again in \\d+ s.*"), slowDown.param("text"));

        signedJson(eventCallback("Ev0OTHER1", directMessage("D0OTHER", "1718700100.000200", "UOTHER",
                "When does Putin visit Vietnam?")))
                .when().post("/slack/events")
                .then().statusCode(200);
        StubSlack.Call other = SLACK.awaitCall("chat.postMessage", call -> "D0OTHER".equals(call.param("channel")), ANSWER_DEADLINE);
        assertEquals(ANSWER, other.param("text"), "another user has a bucket of their own");

        List<StubSlack.Call> posts = SLACK.awaitCalls("chat.postMessage", 4, ANSWER_DEADLINE);
        assertEquals(2, posts.stream().filter(call -> "C0FAST".equals(call.param("channel")) && ANSWER.equals(call.param("text"))).count(),
                "the burst of two is answered: " + posts);
        assertEquals(1, posts.stream().filter(call -> call.param("text").contains("slow down")).count(),
                "only the third question is limited: " + posts);
    }

    @Test
    void aSlashCommandAskedTooFastGetsAnEphemeralSlowDown() {
        for (int i = 1; i <= 2; i++) {
            signedForm(slashCommand("USLASH", "T0001/1234/fast" + i)).when().post("/slack/commands")
                    .then().statusCode(200)
                    .body("text", not(containsString("slow down")));
        }
        signedForm(slashCommand("USLASH", "T0001/1234/fast3")).when().post("/slack/commands")
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("slow down"));

        SLACK.awaitCalls("response_url", 2, ANSWER_DEADLINE);
        assertTrue(SLACK.calls("response_url").stream().noneMatch(call -> call.param("path").endsWith("fast3")),
                "the limited command is not answered later either: " + SLACK.calls("response_url"));
    }

    private static String slashCommand(String user, String responseId) {
        return "token=unused&team_id=T0001&channel_id=C0NEWS&user_id=" + user + "&command=%2Fherald"
                + "&text=" + URLEncoder.encode("When does Putin visit Vietnam?", StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(SLACK.responseUrl(responseId), StandardCharsets.UTF_8);
    }
}

package herald.slack;

import herald.config.HeraldConfig;
import herald.insight.AnswerLinks;
import herald.insight.Feedback;
import herald.insight.OpaqueKeys;
import herald.insight.FeedbackStore;
import herald.insight.QuestionLog;
import herald.insight.QuestionRecorder;
import herald.insight.Rating;
import herald.testing.SlackProfile;
import herald.testing.StoredFields;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import herald.testing.StubSlack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static herald.slack.SignedSlackRequests.eventCallback;
import static herald.slack.SignedSlackRequests.mention;
import static herald.slack.SignedSlackRequests.signedJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thumbs reactions on Herald's answers in Slack count as ratings: the round trip through the stub Slack Web API. */
@QuarkusTest
@TestProfile(SlackProfile.class)
class SlackReactionTest {

    private static final StubSlack SLACK = SlackProfile.SLACK;
    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(30);
    private static final Pattern ANSWER_ID = Pattern.compile("\"answer_id\":\"([0-9a-f-]{36})\"");

    @Inject
    FeedbackStore feedback;

    @Inject
    QuestionLog log;

    @Inject
    QuestionRecorder recorder;

    @Inject
    HeraldConfig config;

    @Inject
    AnswerLinks links;

    @Inject
    OpaqueKeys keys;

    private static int events;

    @BeforeEach
    void freshStubs() throws IOException {
        OLLAMA.reset();
        OLLAMA.answerWith("Putin visits Vietnam on June 19-20, 2024 [1].");
        SLACK.reset();
    }

    /** Asks in a channel and returns the answer's id and its message's ts, as Slack would know them. */
    private String[] askInChannel(String channel, String ts) {
        signedJson(eventCallback("Ev0ASK" + ts.replace(".", ""), mention(channel, ts, null,
                "<@" + StubSlack.BOT_USER_ID + "> When does Putin visit Vietnam?")))
                .when().post("/slack/events").then().statusCode(200);
        StubSlack.Call post = SLACK.awaitCall("chat.postMessage", c -> channel.equals(c.param("channel")), ANSWER_DEADLINE);
        assertTrue(post.param("blocks").contains("React with :+1: or :-1:"), post.param("blocks"));
        Matcher id = ANSWER_ID.matcher(String.valueOf(post.param("metadata")));
        assertTrue(id.find(), "the answer's id travels as message metadata: " + post.params());
        assertTrue(post.param("metadata").contains("\"event_type\":\"herald_answer\""), post.param("metadata"));
        String posted = SLACK.postedTs().get(SLACK.postedTs().size() - 1);
        awaitLinked(channel, posted);
        return new String[] {id.group(1), posted};
    }

    /** The worker links the message to its answer right after Slack gave the message's ts; a person reacts later. */
    private void awaitLinked(String channel, String ts) {
        long deadline = System.nanoTime() + ANSWER_DEADLINE.toNanos();
        while (links.answerId(keys.reference(SlackReactions.reference(channel, ts))).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the answer in " + channel + " was never linked to its message");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void react(String user, String reaction, String channel, String ts, String itemUser) {
        reactionEvent("reaction_added", user, reaction, channel, ts, itemUser);
    }

    private void unreact(String user, String reaction, String channel, String ts, String itemUser) {
        reactionEvent("reaction_removed", user, reaction, channel, ts, itemUser);
    }

    private void reactionEvent(String type, String user, String reaction, String channel, String ts, String itemUser) {
        String event = "{\"type\":\"" + type + "\",\"user\":\"" + user + "\",\"reaction\":\"" + reaction + "\","
                + "\"item_user\":\"" + itemUser + "\",\"item\":{\"type\":\"message\",\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"},"
                + "\"event_ts\":\"1718800100.000" + (100 + events) + "\"}";
        signedJson(eventCallback("Ev0REACT" + (events++), event)).when().post("/slack/events").then().statusCode(200);
    }

    private List<Feedback> ratings(String answerId) {
        return feedback.forAnswers(List.of(answerId));
    }

    @Test
    void thumbsOnHeraldsAnswerRateItAndASecondReactionReplacesTheFirst() {
        String[] answer = askInChannel("C0NEWS", "1718700000.000100");
        String answerId = answer[0];
        String ts = answer[1];

        react("UREADER", "+1", "C0NEWS", ts, StubSlack.BOT_USER_ID);
        assertEquals(List.of(Rating.UP), ratings(answerId).stream().map(Feedback::rating).toList());

        react("UREADER", "thumbsdown::skin-tone-3", "C0NEWS", ts, StubSlack.BOT_USER_ID);
        assertEquals(List.of(Rating.DOWN), ratings(answerId).stream().map(Feedback::rating).toList(), "one rating per person and answer");

        react("UEDITOR", "thumbsup", "C0NEWS", ts, StubSlack.BOT_USER_ID);
        assertEquals(2, ratings(answerId).size());

        recorder.flush();
        assertEquals(herald.answer.Channel.SLACK, log.find(answerId).orElseThrow().channel());
    }

    @Test
    void removingTheThumbsTakesTheRatingBackButNotARatingThatReplacedIt() {
        String[] answer = askInChannel("C0UNDO", "1718700300.000100");
        String answerId = answer[0];
        String ts = answer[1];

        react("UREADER", "+1", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        react("UEDITOR", "-1", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        unreact("UREADER", "+1", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        assertEquals(List.of(Rating.DOWN), ratings(answerId).stream().map(Feedback::rating).toList(),
                "the reader's rating is gone, the editor's stays");

        react("UEDITOR", "+1::skin-tone-2", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        unreact("UEDITOR", "-1", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        assertEquals(List.of(Rating.UP), ratings(answerId).stream().map(Feedback::rating).toList(),
                "removing the :-1: the :+1: replaced leaves the :+1:");

        unreact("UEDITOR", "eyes", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        unreact("UEDITOR", "+1", "C0UNDO", ts, "UASKER"); // not Herald's message
        assertEquals(1, ratings(answerId).size());

        unreact("UEDITOR", "thumbsup", "C0UNDO", ts, StubSlack.BOT_USER_ID);
        assertEquals(List.of(), ratings(answerId));
    }

    @Test
    void theManifestSubscribesToReactionsAddedAndRemoved() throws IOException {
        String manifest = java.nio.file.Files.readString(java.nio.file.Path.of("slack", "manifest.yml"));
        for (String line : List.of("- reactions:read", "- reaction_added", "- reaction_removed")) {
            assertTrue(manifest.lines().anyMatch(l -> l.strip().equals(line)), "manifest lacks " + line);
        }
    }

    @Test
    void ignoresOtherReactionsAndOtherPeoplesMessages() {
        String[] answer = askInChannel("C0DESK", "1718700500.000100");
        String answerId = answer[0];
        String ts = answer[1];

        react("UREADER", "eyes", "C0DESK", ts, StubSlack.BOT_USER_ID);
        react(StubSlack.BOT_USER_ID, "+1", "C0DESK", ts, StubSlack.BOT_USER_ID);
        react("UREADER", "+1", "C0DESK", "1718700500.000100", "UASKER"); // the question, not Herald's answer
        react("UREADER", "-1", "C0DESK", "1718799999.000001", StubSlack.BOT_USER_ID); // a message of Herald's with no answer
        assertEquals(List.of(), ratings(answerId));
    }

    @Test
    void keepsNoSlackUserChannelOrMessageIdentifiers() {
        String[] answer = askInChannel("C0PRIVATE", "1718700900.000100");
        react("UREADER", "-1", "C0PRIVATE", answer[1], StubSlack.BOT_USER_ID);
        assertEquals(1, ratings(answer[0]).size());
        recorder.flush();

        List<Map<String, String>> records = new ArrayList<>();
        for (String folder : List.of("questions", "feedback", "answer-links")) {
            records.addAll(StoredFields.of(config.dataDir().resolve(folder)));
        }
        assertTrue(records.stream().anyMatch(r -> r.values().stream().anyMatch(v -> v.contains(answer[0]))), records.toString());
        for (Map<String, String> record : records) {
            for (Map.Entry<String, String> field : record.entrySet()) {
                for (String identifier : List.of("UREADER", "UASKER", "C0PRIVATE", answer[1], "1718700900")) {
                    assertFalse(field.getValue().contains(identifier), identifier + " stored in " + field.getKey() + ": " + field.getValue());
                }
            }
        }
    }
}

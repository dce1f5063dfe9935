package herald.insight;

import herald.config.HeraldConfig;
import herald.testing.RetrievalOnlyProfile;
import herald.testing.StoredFields;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readers rate answers over REST; what is kept of the question and the rating, and what is not. */
@QuarkusTest
@TestProfile(RetrievalOnlyProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class FeedbackApiTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");

    @Inject
    QuestionRecorder recorder;

    @Inject
    QuestionLog log;

    @Inject
    FeedbackStore feedback;

    @Inject
    HeraldConfig config;

    private static String ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).body("answerId", matchesPattern(UUID.pattern())).extract().path("answerId");
    }

    private static io.restassured.response.ValidatableResponse rate(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/feedback").then();
    }

    @Test
    void ratesAnAnswerAndASecondRatingReplacesTheFirst() {
        String answerId = ask("When does Putin visit Vietnam?");

        rate(Map.of("answerId", answerId, "rating", "up")).statusCode(201)
                .body("answerId", equalTo(answerId)).body("rating", equalTo("up"));
        assertEquals(List.of(Rating.UP), feedback.forAnswers(List.of(answerId)).stream().map(Feedback::rating).toList());

        rate(Map.of("answerId", answerId, "rating", "down", "comment", "  It was the 19th only  ")).statusCode(201)
                .body("rating", equalTo("down")).body("comment", equalTo("It was the 19th only"));
        List<Feedback> kept = feedback.forAnswers(List.of(answerId));
        assertEquals(1, kept.size(), "one rating per answer and reader: " + kept);
        assertEquals(Rating.DOWN, kept.get(0).rating());
        assertEquals("It was the 19th only", kept.get(0).comment());

        // another reader of the same answer (a client relaying many readers says which) adds a rating of their own
        rate(Map.of("answerId", answerId, "rating", "up", "clientId", "reader-2")).statusCode(201);
        assertEquals(2, feedback.forAnswers(List.of(answerId)).size());
    }

    @Test
    void streamedAnswerCarriesItsIdInTheDoneEvent() {
        String events = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("question", "When does Putin visit Vietnam?")).post("/api/ask/stream")
                .then().statusCode(200).extract().asString();
        String done = events.substring(events.indexOf("event:done"));
        var matcher = Pattern.compile("\"answerId\":\"(" + UUID.pattern() + ")\"").matcher(done);
        assertTrue(matcher.find(), done);
        rate(Map.of("answerId", matcher.group(1), "rating", "up")).statusCode(201);
    }

    @Test
    void refusesBadRatingsWithProblems() {
        String answerId = ask("When does Putin visit Vietnam?");
        rate(Map.of("answerId", "no-such-answer", "rating", "up")).statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("no-such-answer"));
        rate(Map.of("answerId", answerId, "rating", "sideways")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("rating"));
        rate(Map.of("answerId", answerId)).statusCode(400).contentType("application/problem+json");
        rate(Map.of("answerId", answerId, "rating", "down", "comment", "x".repeat(1001))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("comment"));
        rate(Map.of("answerId", answerId, "rating", "down", "comment", "x".repeat(1000))).statusCode(201);
        given().contentType(ContentType.JSON).body("{\"answerId\":").post("/api/feedback")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/feedback").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void logsTheQuestionWithItsChannel() {
        String answerId = given().contentType(ContentType.JSON)
                .body(Map.of("question", "Who won the 2022 football World Cup final?", "channel", "widget"))
                .post("/api/ask").then().statusCode(200).extract().path("answerId");
        recorder.flush();
        LoggedQuestion logged = log.find(answerId).orElseThrow();
        assertEquals(herald.answer.Channel.WIDGET, logged.channel());
        assertTrue(logged.refused(), logged.toString());
        assertEquals("Who won the 2022 football World Cup final?", logged.question());
        assertTrue(logged.vector() != null && logged.vector().length == 384, "kept with its embedding for grouping");
        given().contentType(ContentType.JSON).body(Map.of("question", "When?", "channel", "slack")).post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void storesNothingThatIdentifiesTheReader() {
        String answerId = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.9").header("Cookie", "herald_session=cookie-value-1234")
                .body(Map.of("question", "When does Putin visit Vietnam?", "conversationId", "conversation-5678"))
                .post("/api/ask").then().statusCode(200).extract().path("answerId");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9").header("Cookie", "herald_session=cookie-value-1234")
                .body(Map.of("answerId", answerId, "rating", "down", "clientId", "reader-client-42", "comment", "wrong date"))
                .post("/api/feedback").then().statusCode(201);
        rate(Map.of("answerId", answerId, "rating", "up")).statusCode(201); // rated from this test's own address
        recorder.flush();

        List<Map<String, String>> records = new ArrayList<>();
        records.addAll(StoredFields.of(config.dataDir().resolve("questions")));
        records.addAll(StoredFields.of(config.dataDir().resolve("feedback")));
        assertTrue(records.stream().anyMatch(r -> r.values().stream().anyMatch(v -> v.contains(answerId))), "the records are there: " + records);
        assertTrue(records.stream().anyMatch(r -> r.values().stream().anyMatch(v -> v.contains("wrong date"))), records.toString());
        for (Map<String, String> record : records) {
            for (Map.Entry<String, String> field : record.entrySet()) {
                String name = field.getKey().toLowerCase(Locale.ROOT);
                String value = field.getValue();
                for (String personal : List.of("ip", "address", "addr", "user", "cookie", "session", "client", "conversation")) {
                    assertFalse(name.contains(personal), "a stored field named " + field.getKey());
                    assertFalse(value.contains("\"" + personal), "a stored JSON field " + personal + " in " + value);
                }
                assertFalse(IPV4.matcher(value).find(), "an address in " + field.getKey() + ": " + value);
                for (String secret : List.of("203.0.113.9", "cookie-value-1234", "reader-client-42", "conversation-5678", "localhost")) {
                    assertFalse(value.contains(secret), secret + " stored in " + field.getKey() + ": " + value);
                }
            }
        }
    }
}

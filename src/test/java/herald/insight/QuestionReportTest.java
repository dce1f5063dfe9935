package herald.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom's report over a data folder an earlier run left (see {@link EarlierRun}), and over questions
 * asked now, in retrieval-only mode on the bundled article.
 */
@QuarkusTest
@TestProfile(EarlierRun.class)
class QuestionReportTest {

    private static final String BEARER = "Bearer " + EarlierRun.KEY;

    @Inject
    QuestionRecorder recorder;

    @Inject
    QuestionLog log;

    private static String ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().path("answerId");
    }

    private static Response report(String from, String to) {
        return given().header("Authorization", BEARER).queryParam("from", from).queryParam("to", to)
                .get("/api/reports/questions").then().statusCode(200).contentType(ContentType.JSON).extract().response();
    }

    @Test
    void reportsWhatAnEarlierRunLoggedAfterARestart() {
        Response r = report("2024-06-18", "2024-06-19");
        assertEquals(3, r.<Integer>path("totals.asked"), r.asString());
        assertEquals(2, r.<Integer>path("totals.answered"));
        assertEquals(1, r.<Integer>path("totals.refused"));
        assertEquals(Map.of("rest", 1, "widget", 1, "slack", 1), r.path("totals.byChannel"));
        assertEquals(Map.of("retrieval-only", 3), r.path("totals.byMode"));
        assertEquals(Map.of("mode-setting", 3), r.path("totals.byReason"));
        assertEquals(List.of("2024-06-18", "2024-06-19"), r.path("byDay.date"));
        assertEquals(List.of(2, 1), r.path("byDay.asked"));
        assertEquals(List.of(1, 0), r.path("byDay.thumbsDown"));
        // the two wordings of one question, grouped although the earlier run stored no embeddings
        assertEquals("When does Putin visit Vietnam?", r.path("top[0].question"));
        assertEquals(2, r.<Integer>path("top[0].count"));
        assertEquals("Who won the Hanoi marathon?", r.path("unanswered[0].question"));
        assertEquals(1, r.<Integer>path("thumbsDown.size()"));
        assertEquals(EarlierRun.COMMENT, r.path("thumbsDown[0].comment"));
        assertEquals("When does Putin visit Vietnam?", r.path("thumbsDown[0].question"));
        assertTrue(r.<String>path("thumbsDown[0].answer").contains("June 19-20"));
        assertEquals(EarlierRun.DOCUMENT, r.path("thumbsDown[0].sources[0].documentId"));
        assertEquals(EarlierRun.DOCUMENT, r.path("articles[0].documentId"));
        assertEquals(2, r.<Integer>path("articles[0].citations"));
    }

    @Test
    void groupsParaphrasesAskedToday() {
        ask("How long will Putin stay in Vietnam?");
        ask("How many days is Putin in Vietnam?");
        ask("how long will putin stay in Vietnam");
        ask("What did Putin and Kim Jong Un sign?");
        recorder.flush();

        Response r = report("2024-06-20", "2024-06-20");
        List<Map<String, Object>> top = r.path("top");
        Map<String, Object> stay = top.stream().filter(g -> g.get("question").equals("How long will Putin stay in Vietnam?")).findFirst()
                .orElseThrow(() -> new AssertionError(r.asString()));
        assertEquals(3, stay.get("count"), r.asString());
        assertEquals(List.of("How many days is Putin in Vietnam?"), stay.get("variants"));
        assertTrue(top.stream().anyMatch(g -> g.get("question").equals("What did Putin and Kim Jong Un sign?") && g.get("count").equals(1)),
                r.asString());
    }

    @Test
    void listsRefusalsUnderUnanswered() {
        ask("Who won the 2022 football World Cup final?");
        ask("Which team won the football World Cup final in 2022?");
        ask("When does Putin visit Vietnam?"); // answered by the bundled article
        recorder.flush();

        Response r = report("2024-06-20", "2024-06-20");
        List<Map<String, Object>> unanswered = r.path("unanswered");
        assertTrue(unanswered.stream().anyMatch(g -> g.get("question").equals("Who won the 2022 football World Cup final?")
                && g.get("count").equals(2)), r.asString());
        assertTrue(unanswered.stream().noneMatch(g -> g.get("question").equals("When does Putin visit Vietnam?")
                || ((List<?>) g.get("variants")).contains("When does Putin visit Vietnam?")), r.asString());
    }

    @Test
    void prunesQuestionsOlderThanTheRetentionOnceItWrites() {
        ask("When does Putin visit Vietnam?");
        recorder.flush();
        assertEquals(List.of(), log.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")),
                "the earlier run's question from February is past the 90 days");
        assertEquals(3, log.between(Instant.parse("2024-06-18T00:00:00Z"), Instant.parse("2024-06-20T00:00:00Z")).size());
    }

    @Test
    void exportsTheReportAsCsv() {
        String csv = given().header("Authorization", BEARER).queryParam("from", "2024-06-18").queryParam("to", "2024-06-19")
                .queryParam("format", "csv").get("/api/reports/questions")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(ReportCsv.HEADER, lines.get(0));
        assertTrue(lines.contains("total,2024-06-18/2024-06-19,,3,2,1,1,1,,,"), csv);
        assertTrue(lines.contains("top,,When does Putin visit Vietnam?,2,,,,,,,"), csv);
        assertTrue(lines.contains("unanswered,,Who won the Hanoi marathon?,1,,,,,,,"), csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("thumbs-down,") && l.contains(EarlierRun.COMMENT)), csv);
    }

    @Test
    void refusesTheReportAndThePageWithoutTheKey() {
        given().get("/api/reports/questions").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").get("/api/reports/questions").then().statusCode(401);
        List<String> challenges = given().get("/admin/questions").then().statusCode(401).extract().headers().getValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic realm=")), "the browser asks for the key: " + challenges);
        given().header("Authorization", basic("editor", "wrong")).get("/admin/questions").then().statusCode(401);
        given().get("/admin/questions/questions.csv").then().statusCode(401);
        given().header("Authorization", basic("editor", "wrong")).get("/admin/questions/questions.csv").then().statusCode(401);
    }

    @Test
    void rendersThePageForTheKeyHolder() {
        String html = given().header("Authorization", basic("editor", EarlierRun.KEY))
                .queryParam("from", "2024-06-18").queryParam("to", "2024-06-19").get("/admin/questions")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("What readers asked"))
                .body(containsString("Who won the Hanoi marathon?"))
                .body(containsString(EarlierRun.COMMENT))
                .extract().asString();
        assertTrue(html.contains("also: “When is Putin going to Vietnam?”"), html);
        assertTrue(!html.contains("<script"), "no JavaScript on the page");
        given().header("Authorization", basic("editor", EarlierRun.KEY)).get("/admin/questions/questions.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void refusesBadDates() {
        given().header("Authorization", BEARER).queryParam("from", "18 June").get("/api/reports/questions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("YYYY-MM-DD"));
        given().header("Authorization", BEARER).queryParam("from", "2024-06-20").queryParam("to", "2024-06-01")
                .get("/api/reports/questions").then().statusCode(400).body("detail", containsString("after"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

package herald.api;

import herald.testing.HostileText;
import herald.testing.RetrievalOnlyProfile;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input built to hurt: nested markup, giant texts, and what the probe of issue 13 found, over HTTP. */
@QuarkusTest
@TestProfile(RetrievalOnlyProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class HostileInputTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    private static final String PUTIN = "{\"question\":\"When does Putin visit Vietnam?\"}";

    /** As bytes: RestAssured would otherwise pretty-print the markup, recursively, and overflow its own stack. */
    static byte[] nestedDivs(int bytes) {
        return ("<html><body><h1>Deep page</h1>" + "<div><p>w</p>".repeat(bytes / 13) + "</body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void ingestsSeventyKilobytesOfUnclosedDivs() {
        given().contentType("text/html").body(nestedDivs(72 * 1024))
                .when().post("/api/documents")
                .then().statusCode(201).body("title", equalTo("Deep page")).body("passages", greaterThan(0));
    }

    @Test
    void refusesAMegabyteOfUnclosedDivsWhileQuestionsAreStillAnswered() throws Exception {
        CompletableFuture<Response> upload = CompletableFuture.supplyAsync(() ->
                given().contentType("text/html").body(nestedDivs(1024 * 1024)).when().post("/api/documents"));
        given().contentType(ContentType.JSON).body(PUTIN).post("/api/ask")
                .then().statusCode(200).body("answer", containsString("June 19-20"));
        Response refused = upload.get(120, TimeUnit.SECONDS);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.jsonPath().getString("detail").contains("herald.ingest."), refused.asString());
    }

    @Test
    void aRunOnTextBecomesBoundedPassagesAndBoundedSources() {
        String text = ("the ferry to Cat Ba island carries pilgrims and traders and their goods across the bay every morning "
                + "while the harbour master counts the boats ").repeat(40);
        String id = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Run-on ferry report\",\"text\":\"" + text + "\"}")
                .post("/api/documents").then().statusCode(201).body("passages", greaterThan(10)).extract().path("id");
        List<String> texts = given().contentType(ContentType.JSON).body("{\"question\":\"Who does the ferry to Cat Ba carry?\"}")
                .post("/api/ask").then().statusCode(200).body("sources.documentId", org.hamcrest.Matchers.hasItem(id))
                .extract().path("sources.text");
        for (String source : texts) {
            assertTrue(source.split("\\s+").length <= 70, source);
        }
    }

    @Test
    void aQuestionOfSixHundredDistinctShortWordsIsAnswered() {
        String question = String.join(" ", HostileText.distinctShortWords(600));
        assertTrue(question.length() < 2000, question.length() + " characters");
        given().contentType(ContentType.JSON).body("{\"question\":\"" + question + "\"}").post("/api/ask")
                .then().statusCode(200).body("answer", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aJsonTitleOverTheLimitIsRefusedAndADerivedOneIsShortened() {
        given().contentType(ContentType.JSON).body("{\"title\":\"" + "t".repeat(301) + "\",\"text\":\"Some text.\"}")
                .post("/api/documents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("title"));
        given().contentType("text/plain").body("A headline that runs on ".repeat(30) + "\nHaiphong opened a new container berth on Monday.")
                .post("/api/documents").then().statusCode(201).body("title.length()", lessThanOrEqualTo(300));
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedWithTheAcceptedTypes() throws Exception {
        // java.net.http sends no Content-Type unless told to; RestAssured always adds one
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/api/ask", "/api/ask/stream", "/api/documents")) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(url.toURI().resolve(path))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(PUTIN)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), path + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.body().contains("application/json") && response.body().contains("text/html"), response.body());
        }
    }

    @Test
    void malformedJsonIsExplainedWithoutParserInternals() {
        given().contentType(ContentType.JSON).body("{\"question\":\"When?\",\"extra\":" + "[".repeat(3000)).post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nested too deeply"))
                .body("detail", not(containsString("StreamReadConstraints")))
                .body("detail", not(containsString("jackson")));
        given().contentType(ContentType.JSON).body("{\"question\": {\"a\": 1}}").post("/api/ask")
                .then().statusCode(400).body("detail", containsString("question")).body("detail", not(containsString("java.")));
    }

    @Test
    void impossibleDatesAreRefused() {
        for (String date : List.of("2024-06-17T99:99:99Z", "+999999999-12-31", "2024-02-30", "20240617")) {
            given().contentType(ContentType.JSON)
                    .body("{\"title\":\"Dated\",\"text\":\"Some text here.\",\"publishedAt\":\"" + date + "\"}")
                    .post("/api/documents").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("publishedAt"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"Dated right\",\"text\":\"Vung Tau opened a ferry pier on Monday.\",\"publishedAt\":\"2024-06-17T08:30:00+07:00\"}")
                .post("/api/documents").then().statusCode(201);
    }

    @Test
    void unterminatedFrontMatterIsRefusedNotTakenAsTitle() {
        given().contentType("text/plain").body("---\ntitle: Open front matter\nsource: Wire\nThe article starts here.")
                .post("/api/documents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("front matter"));
    }

    @Test
    void controlAndBidiCharactersAreStrippedFromTitlesAndSources() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Harbour\\u0000 report \\u202Egnp.exe\",\"source\":\"Wire\\u2066\\u0007\",\"text\":\"Cam Ranh harbour took 12 ships on Sunday.\"}")
                .post("/api/documents").then().statusCode(201).body("title", equalTo("Harbour report gnp.exe")).extract().path("id");
        given().get("/api/documents/" + id).then().body("source", equalTo("Wire"));
    }

    @Test
    void serverLimitsAnswerWithProblemBodies() {
        given().contentType("text/plain").body(new byte[6 * 1024 * 1024]).post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        given().get("/api/documents/" + "a".repeat(5000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().header("X-Padding", "p".repeat(17 * 1024)).get("/api/documents")
                .then().statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
        given().header("X-Padding", "p".repeat(9 * 1024)).get("/api/documents").then().statusCode(200);
    }
}

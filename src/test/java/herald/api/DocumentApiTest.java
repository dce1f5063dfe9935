package herald.api;

import herald.testing.RetrievalOnlyProfile;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Ingestion, listing, deletion and every kind of bad input, over HTTP. */
@QuarkusTest
@TestProfile(RetrievalOnlyProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class DocumentApiTest {

    private static final String HANOI_METRO = """
            {"title":"Hanoi opens second metro line","source":"Test Wire","publishedAt":"2024-08-08",
             "text":"Hanoi opened its second metro line on Thursday, running 8.5 km from Nhon to Cau Giay. City officials said 30,000 passengers rode it on the first day.\\n\\nShare:\\n\\nJoin Test Wire Whatsapp group\\nRelated News\\nSome Other Headline About Things"}
            """;

    @Test
    void ingestsJsonArticleCleansItAndAnswersFromIt() {
        String id = given().contentType(ContentType.JSON).body(HANOI_METRO)
                .when().post("/api/documents")
                .then().statusCode(201)
                .header("Location", containsString("/api/documents/"))
                .body("title", equalTo("Hanoi opens second metro line"))
                .body("passages", greaterThan(0))
                .extract().path("id");

        given().when().get("/api/documents/" + id)
                .then().statusCode(200)
                .body("source", equalTo("Test Wire"))
                .body("publishedAt", equalTo("2024-08-08"))
                .body("text", not(containsString("Whatsapp")))
                .body("text", not(containsString("Related News")))
                .body("text", not(containsString("Share:")));
        given().when().get("/api/documents").then().statusCode(200).body("id", hasItem(id));

        given().contentType(ContentType.JSON).body("{\"question\":\"How many passengers rode the new Hanoi metro line on its first day?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answer", containsString("30,000"))
                .body("sources[0].documentId", equalTo(id));
    }

    @Test
    void ingestingTheSameTextTwiceKeepsOneDocument() {
        String body = "{\"title\":\"Duplicate check\",\"text\":\"A ferry line between Haiphong and Cat Ba opened on Friday with four boats a day.\"}";
        String first = given().contentType(ContentType.JSON).body(body).post("/api/documents").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(body).post("/api/documents").then().statusCode(200).extract().path("id");
        assertEquals(first, second);
        List<String> ids = given().get("/api/documents").then().extract().path("id");
        assertEquals(1, ids.stream().filter(first::equals).count());
    }

    @Test
    void ingestsPlainTextWithTitleOnFirstLine() {
        given().contentType("text/plain").body("Da Nang bridge festival draws crowds\nThe Dragon Bridge breathed fire on Saturday night for 40,000 visitors.")
                .queryParam("publishedAt", "2024-03-02")
                .when().post("/api/documents")
                .then().statusCode(201).body("title", equalTo("Da Nang bridge festival draws crowds"));
    }

    @Test
    void ingestsHtmlReducedToArticleText() {
        String html = """
                <html><head><title>Site name | Story</title><script>var tracking = 1;</script></head>
                <body><nav>Home World Sport</nav><article><h1>Hue citadel restoration finished</h1>
                <p>Restorers completed the Kien Trung palace in Hue on Tuesday after six years of work.</p>
                <p>The palace reopens to visitors next month.</p></article><footer>Copyright</footer></body></html>""";
        String id = given().contentType("text/html").body(html)
                .when().post("/api/documents")
                .then().statusCode(201).body("title", equalTo("Hue citadel restoration finished"))
                .extract().path("id");
        given().get("/api/documents/" + id).then()
                .body("text", startsWith("Restorers completed"))
                .body("text", not(containsString("tracking")))
                .body("text", not(containsString("Copyright")));
    }

    @Test
    void deletingAnArticleRemovesItsPassagesFromAnswers() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Quang Ninh coal exports\",\"text\":\"Quang Ninh exported 1.2 million tonnes of anthracite in May, the provincial coal board said.\"}")
                .post("/api/documents").then().statusCode(201).extract().path("id");
        given().when().delete("/api/documents/" + id).then().statusCode(204);
        given().when().get("/api/documents/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        List<String> sourceIds = given().contentType(ContentType.JSON)
                .body("{\"question\":\"How much anthracite did Quang Ninh export in May?\"}")
                .post("/api/ask").then().statusCode(200).extract().path("sources.documentId");
        assertFalse(sourceIds.contains(id));
        given().when().delete("/api/documents/" + id).then().statusCode(404);
    }

    @Test
    void badQuestionsGetProblemBodies() {
        given().contentType(ContentType.JSON).body("{\"question\":\"   \"}").post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request")).body("detail", containsString("question"));
        given().contentType(ContentType.JSON).body("{}").post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"question\":\"" + "a".repeat(2001) + "\"}").post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("2000"));
        given().contentType(ContentType.JSON).body("{\"question\": ").post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/xml").body("<q>hi</q>").post("/api/ask")
                .then().statusCode(415).contentType("application/problem+json").body("detail", notNullValue());
        given().contentType(ContentType.JSON).accept("text/event-stream").body("{\"question\":\"\"}").post("/api/ask/stream")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badDocumentsGetProblemBodiesAndLoseNothing() {
        int before = given().get("/api/documents").then().extract().path("size()");
        given().contentType(ContentType.JSON).body("{\"title\":\"No text\"}").post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("text"));
        given().contentType(ContentType.JSON).body("{\"title\":\"Bad date\",\"text\":\"Some text here.\",\"publishedAt\":\"17/06/2024\"}")
                .post("/api/documents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("publishedAt"));
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("").post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("Only share buttons\nShare:\nJoin our Whatsapp group").post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/pdf").body(new byte[]{1, 2, 3}).post("/api/documents")
                .then().statusCode(415).contentType("application/problem+json");
        given().get("/api/documents/nope").then().statusCode(404).contentType("application/problem+json");
        int after = given().get("/api/documents").then().extract().path("size()");
        assertEquals(before, after);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask")
                .then().statusCode(200).body("answer", containsString("June 19-20"));
    }
}

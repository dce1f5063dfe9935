package herald.answer;

import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same question on the same passages is answered once by the LLM, then from the cache until an article changes. */
@QuarkusTest
@TestProfile(AnswerCacheTest.CacheOn.class)
@QuarkusTestResource(StubOllamaResource.class)
class AnswerCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.cache-ttl", "10m");
        }
    }

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    @BeforeEach
    @AfterEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
        // each generation answers differently; no date, number or name, so the answer check keeps it as written
        OLLAMA.answerWith(request -> java.util.List.of("The stub's reply " + "abcdefghijklmnopqrstuvwxyz".charAt(OLLAMA.requests().size() % 26)
                + " [1]."));
    }

    @Test
    void tenIdenticalQuestionsCostOneGeneration() {
        double hitsBefore = metric("herald_answer_cache_total{result=\"hit\"}");
        String first = ask("When does Putin visit Vietnam?").body("cached", equalTo(false)).body("mode", equalTo("llm"))
                .extract().path("answer");
        String firstId = null;
        for (int i = 0; i < 9; i++) {
            // the same words each time: another wording may retrieve other passages (AnswerReuseMatchingTest has the wordings)
            String id = ask("When does Putin visit Vietnam?")
                    .body("cached", equalTo(true)).body("answer", equalTo(first)).body("mode", equalTo("llm"))
                    .extract().path("answerId");
            assertEquals(false, id.equals(firstId), "every reuse is an answer of its own");
            firstId = id;
        }
        assertEquals(1, OLLAMA.requests().size());

        ask("When does Putin visit North Korea?").body("cached", equalTo(false)).body("answer", not(equalTo(first)));
        assertEquals(2, OLLAMA.requests().size(), "a different question costs its own generation");
        assertEquals(9.0, metric("herald_answer_cache_total{result=\"hit\"}") - hitsBefore, "hits on /q/metrics");
        given().get("/q/metrics").then().body(containsString("herald_answer_cache_total{result=\"miss\"}"));
    }

    @Test
    void aDeletedArticleTakesItsCachedAnswersWithIt() {
        String article = "{\"title\":\"Hanoi opens its second metro line\",\"source\":\"Example Wire\",\"publishedAt\":\"2024-08-08\","
                + "\"text\":\"Hanoi opened its second metro line, from Nhon to Hanoi station, on Thursday. The line is 12.5 km long "
                + "and has 12 stations. The first trains carried 100,000 passengers on opening day.\"}";
        String id = given().contentType(ContentType.JSON).body(article).post("/api/documents").then().statusCode(201)
                .extract().path("id");
        ask("How long is the second Hanoi metro line?").body("cached", equalTo(false));
        ask("How long is the second Hanoi metro line?").body("cached", equalTo(true));
        int generations = OLLAMA.requests().size();

        given().delete("/api/documents/" + id).then().statusCode(204);
        // the same text again: the same id and passages, so only the invalidation stands between it and the old answer
        given().contentType(ContentType.JSON).body(article).post("/api/documents").then().statusCode(201);
        ask("How long is the second Hanoi metro line?").body("cached", equalTo(false));
        assertEquals(generations + 1, OLLAMA.requests().size());
    }

    /** A sample's value on /q/metrics, 0 before it first appears. */
    static double metric(String sample) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(sample + " ")).mapToDouble(line -> Double.parseDouble(line.substring(sample.length()).strip()))
                .findFirst().orElse(0);
    }

    private static ValidatableResponse ask(String question) {
        return given().contentType(ContentType.JSON).body("{\"question\":\"" + question + "\"}")
                .when().post("/api/ask").then().statusCode(200);
    }
}

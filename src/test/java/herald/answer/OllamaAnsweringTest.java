package herald.answer;

import com.fasterxml.jackson.databind.JsonNode;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers through the (stub) Ollama: what goes over the wire, what comes back, and every way it can fail. */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class OllamaAnsweringTest {

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;

    @BeforeEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
    }

    @AfterEach
    void restartOllama() throws IOException {
        OLLAMA.reset();
    }

    @Test
    void sendsPassagesQuestionAndContextWindowToOllama() {
        OLLAMA.answerWith("Putin visits Vietnam on June 19-20, 2024 [1].");
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("mode", equalTo("llm"))
                .body("answer", equalTo("Putin visits Vietnam on June 19-20, 2024 [1]."))
                .body("sources[0].title", startsWith("Putin to Visit North Korea and Vietnam"))
                .body("sources[0].text", containsString("Vietnam"))
                .body("sources[0].publishedAt", equalTo("2024-06-17"))
                .body("conversationId", not(equalTo("")));

        JsonNode request = OLLAMA.requests().get(0);
        assertEquals(4096, request.at("/options/num_ctx").asInt(), request.toString());
        assertEquals(512, request.at("/options/num_predict").asInt(), request.toString());
        assertEquals("llama3.2", request.get("model").asText());
        String system = StubOllama.message(request, "system");
        String user = StubOllama.message(request, "user");
        assertTrue(system.contains("Answer only from the numbered passages"), system);
        assertTrue(user.contains("Question: When does Putin visit Vietnam?"), user);
        assertTrue(user.contains("Putin to Visit North Korea and Vietnam starting Tomorrow, US Embassy Reacts Strongly "
                + "(NewsTrack, 17 June 2024)\n[1] "), user);
        assertTrue(user.contains("Today is " + PromptBuilder.DAY.format(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) + "."), user);
        assertTrue(user.contains("travel to Vietnam on June 19-20"), user);
    }

    @Test
    void streamsTokensInOrderThenSourcesAndDone() {
        OLLAMA.answerWith("Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20 ", "[1].");
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(30));
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(200).extract().asString();

        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("event:\\s*(\\w+)\\ndata:\\s*(.*)").matcher(body);
        while (m.find()) {
            names.add(m.group(1));
            if (m.group(1).equals("token")) {
                tokens.add(m.group(2).replaceAll("^\\{\"text\":\"|\"}$", ""));
            }
        }
        assertEquals("sources", names.get(0), body);
        assertEquals("done", names.get(names.size() - 1), body);
        assertEquals(1, names.stream().filter("sources"::equals).count(), body);
        assertEquals(List.of("Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20 ", "[1]."), tokens, body);
        assertTrue(body.contains("\"mode\":\"llm\""), body);
    }

    @Test
    void fallsBackToQuotingWhenOllamaIsDown() {
        OLLAMA.stop();
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("mode", equalTo("retrieval-only"))
                .body("answer", containsString("June 19-20"))
                .body("sources.size()", greaterThan(0));
    }

    @Test
    void fallsBackToQuotingWhenOllamaAnswers500() {
        OLLAMA.failWith(500);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("mode", equalTo("retrieval-only"))
                .body("answer", containsString("June 19-20"));
        assertEquals(1, OLLAMA.requests().size());
    }

    @Test
    void fallsBackToQuotingWhenOllamaIsTooSlow() {
        // the test profile waits 3 s for a token
        OLLAMA.answerWith("too late");
        OLLAMA.slow(Duration.ofSeconds(6), Duration.ZERO);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("mode", equalTo("retrieval-only"))
                .body("answer", containsString("June 19-20"));
    }

    @Test
    void rewritesFollowUpWithTheConversationBeforeRetrieval() {
        OLLAMA.answerWith(request -> {
            String user = StubOllama.message(request, "user");
            if (user.contains("Follow-up question:")) {
                return List.of("When was Putin's previous visit to North Korea?");
            }
            return List.of("An answer [1].");
        });
        String conversation = given().contentType(ContentType.JSON)
                .body("{\"question\":\"When does Putin arrive in North Korea?\"}")
                .when().post("/api/ask").then().statusCode(200).extract().path("conversationId");
        given().contentType(ContentType.JSON)
                .body("{\"question\":\"When was his previous visit there?\",\"conversationId\":\"" + conversation + "\"}")
                .when().post("/api/ask").then().statusCode(200)
                .body("conversationId", equalTo(conversation))
                .body("sources.text.join(' ')", containsString("since July 2000"));

        List<JsonNode> requests = OLLAMA.requests();
        assertEquals(3, requests.size(), "answer, rewrite, answer");
        String rewrite = StubOllama.message(requests.get(1), "user");
        assertTrue(rewrite.contains("When does Putin arrive in North Korea?") && rewrite.contains("When was his previous visit there?"), rewrite);
        String finalPrompt = StubOllama.message(requests.get(2), "user");
        assertTrue(finalPrompt.contains("Earlier in this conversation:"), finalPrompt);
        assertNotNull(requests.get(1).at("/options/num_ctx"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("index"))
                .body("checks.find { it.name == 'ollama' }.data.reachable", equalTo(true));
        given().get("/q/health/live").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("herald_questions_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/ask/stream"));
    }
}

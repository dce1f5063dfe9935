package herald.answer;

import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An LLM answer that cites a missing source or invents a date never reaches the reader as fact, over REST or the stream. */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class AnswerCheckApiTest {

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;
    private static final String VIETNAM_FACT = "travel to Vietnam on June 19-20";

    @BeforeEach
    @AfterEach
    void healthyOllama() throws IOException {
        OLLAMA.reset();
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body("{\"question\":\"" + question + "\"}")
                .when().post("/api/ask").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSupportedAnswerReachesTheReaderUntouched() {
        OLLAMA.answerCiting(VIETNAM_FACT, "As of 17 June 2024, Putin was due in Vietnam on June 19-20 [{n}].");
        JsonPath answer = ask("When does Putin visit Vietnam?");
        int n = StubOllama.citationOf(StubOllama.message(OLLAMA.requests().get(0), "user"), VIETNAM_FACT);
        assertEquals("As of 17 June 2024, Putin was due in Vietnam on June 19-20 [" + n + "].", answer.getString("answer"));
        assertEquals("llm", answer.getString("mode"));
        assertNull(answer.get("reason"));
    }

    @Test
    void aCitationOfAMissingSourceIsRemoved() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin visits Vietnam on June 19-20 [{n}][7].");
        JsonPath answer = ask("When does Putin visit Vietnam?");
        int sources = answer.getList("sources").size();
        assertTrue(sources < 7, "the prompt had " + sources + " sources");
        assertFalse(answer.getString("answer").contains("[7]"), answer.getString("answer"));
        assertTrue(answer.getString("answer").matches("Putin visits Vietnam on June 19-20 \\[\\d]\\."), answer.getString("answer"));
    }

    @Test
    void anInventedDateGetsTheQuoteWithReasonUnsupported() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin visits Vietnam on July 4-5 [{n}].");
        JsonPath answer = ask("When does Putin visit Vietnam?");
        assertEquals("retrieval-only", answer.getString("mode"));
        assertEquals("unsupported", answer.getString("reason"));
        assertFalse(answer.getString("answer").contains("July"), answer.getString("answer"));
        assertTrue(answer.getString("answer").contains("June 19-20"), answer.getString("answer"));
    }

    @Test
    void aMixedAnswerKeepsTheSupportedSentenceAndSaysWhatWasRemoved() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin visits Vietnam on 19–20 June [{n}]. He will sign 25 agreements with Macron [{n}].");
        JsonPath answer = ask("When does Putin visit Vietnam?");
        assertEquals("llm", answer.getString("mode"));
        assertTrue(answer.getString("answer").startsWith("Putin visits Vietnam on 19–20 June ["), answer.getString("answer"));
        assertFalse(answer.getString("answer").contains("Macron"), answer.getString("answer"));
        assertTrue(answer.getString("answer").endsWith(AnswerCheck.REMOVED_NOTE), answer.getString("answer"));
    }

    @Test
    void theStreamsDoneEventCarriesTheCheckedAnswer() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin ", "visits ", "Vietnam ", "on ", "July ", "4-5 ", "[{n}].");
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask/stream").then().statusCode(200).extract().asString();
        List<String> names = new ArrayList<>();
        String done = null;
        StringBuilder tokens = new StringBuilder();
        Matcher m = Pattern.compile("event:\\s*(\\w+)\\ndata:\\s*(.*)").matcher(body);
        while (m.find()) {
            names.add(m.group(1));
            if (m.group(1).equals("token")) {
                tokens.append(JsonPath.from(m.group(2)).getString("text"));
            } else if (m.group(1).equals("done")) {
                done = m.group(2);
            }
        }
        assertTrue(tokens.toString().contains("July 4-5"), "the tokens streamed as the LLM wrote them: " + body);
        assertEquals("done", names.get(names.size() - 1), body);
        JsonPath checked = JsonPath.from(done);
        assertEquals("unsupported", checked.getString("reason"));
        assertEquals("retrieval-only", checked.getString("mode"));
        assertTrue(checked.getString("answer").contains("June 19-20"), done);
        assertFalse(checked.getString("answer").contains("July"), done);
    }
}

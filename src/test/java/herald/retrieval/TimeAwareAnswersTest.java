package herald.retrieval;

import herald.testing.ClockOn26June2024;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions with time words, asked on Wednesday 26 June 2024 (a fixed clock) of the bundled article (17 June)
 * and three more: Putin in China (16 May), in Pyongyang (19 June) and in Hanoi (20 June).
 */
@QuarkusTest
@TestProfile(TimeAwareAnswersTest.AskedOn26June2024.class)
@QuarkusTestResource(StubOllamaResource.class)
class TimeAwareAnswersTest {

    public static class AskedOn26June2024 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.answer.mode", "retrieval-only");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ClockOn26June2024.class);
        }
    }

    @BeforeEach
    void ingest() {
        ingestPutinsTrips();
    }

    /** Putin in China (16 May), in Pyongyang (19 June) and in Hanoi (20 June), beside the bundled article (17 June). */
    static void ingestPutinsTrips() {
        post("Putin arrives in Beijing for talks with Xi", "2024-05-16",
                "Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit to China, his first trip abroad "
                        + "since his inauguration. Putin and Xi Jinping signed a joint statement on deepening their partnership.");
        post("Putin lands in Pyongyang", "2024-06-19",
                "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for his first trip to North Korea in 24 years. "
                        + "Kim Jong Un greeted Putin at the airport and the two leaders signed a mutual defence pact.");
        post("Putin arrives in Hanoi", "2024-06-20",
                "Russian President Vladimir Putin arrived in Hanoi on Thursday for a state visit to Vietnam after leaving North Korea. "
                        + "Putin met To Lam and the two sides signed eleven agreements on energy and education.");
    }

    private static void post(String title, String publishedAt, String text) {
        given().contentType(ContentType.JSON).body(Map.of("title", title, "publishedAt", publishedAt, "text", text, "source", "Test Wire"))
                .post("/api/documents").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<LocalDate> sourceDates(JsonPath answer) {
        return answer.<String>getList("sources.publishedAt").stream().map(LocalDate::parse).toList();
    }

    @Test
    void latestPrefersTheNewestRelevantArticle() {
        JsonPath answer = ask("What is the latest on Putin's trips abroad?");
        List<LocalDate> dates = sourceDates(answer);
        assertTrue(dates.get(0).isAfter(LocalDate.of(2024, 6, 1)), "first source from " + dates.get(0) + ": " + answer.prettify());
        // the quote, too, comes from a June article, although the May one says "trip abroad" word for word
        Matcher cited = Pattern.compile("\\[(\\d+)]").matcher(answer.getString("answer"));
        assertTrue(cited.find(), answer.getString("answer"));
        LocalDate quoted = dates.get(Integer.parseInt(cited.group(1)) - 1);
        assertTrue(quoted.isAfter(LocalDate.of(2024, 6, 1)), "quoted from " + quoted + ": " + answer.getString("answer"));
        assertFalse(answer.getString("answer").contains("Beijing"), answer.getString("answer"));
    }

    @Test
    void lastWeekIsAnsweredOnlyFromLastWeeksArticles() {
        JsonPath answer = ask("What happened in Vietnam last week?");
        List<LocalDate> dates = sourceDates(answer);
        assertFalse(dates.isEmpty(), answer.prettify());
        for (LocalDate d : dates) {
            assertTrue(!d.isBefore(LocalDate.of(2024, 6, 17)) && !d.isAfter(LocalDate.of(2024, 6, 23)), d + " is not last week");
        }
    }

    @Test
    void aMonthNamesItsWindow() {
        JsonPath answer = ask("Where did Putin travel in May 2024?");
        for (LocalDate d : sourceDates(answer)) {
            assertEquals(5, d.getMonthValue(), answer.prettify());
        }
        for (LocalDate d : sourceDates(ask("Where has Putin travelled since June?"))) {
            assertFalse(d.isBefore(LocalDate.of(2024, 6, 1)), d.toString());
        }
    }

    @Test
    void anEmptyWindowSaysSoAndNamesTheNewestArticle() {
        JsonPath answer = ask("What did Putin do in Vietnam yesterday?");
        assertEquals("The articles say nothing from yesterday; the newest on this is from Thursday 20 June 2024 [1].",
                answer.getString("answer"));
        assertEquals("nothing-in-window", answer.getString("reason"));
        assertEquals(List.of("2024-06-20"), answer.getList("sources.publishedAt"));
    }

    @Test
    void aPeriodOnlyLaterArticlesHoldIsQuotedOnlyWhenTheySpeakOfIt() {
        // nothing was published in 2023: the 2024 articles are searched, but none of them speaks of 2023
        assertEquals("The ingested articles do not say.", ask("How many agreements did Putin and To Lam sign in 2023?").getString("answer"));
        assertTrue(ask("How many agreements did Putin and To Lam sign in 2024?").getString("answer").contains("eleven"));
    }

    @Test
    void everyQuotedAnswerCarriesItsArticlesDate() {
        JsonPath answer = ask("How many agreements did Putin and To Lam sign?");
        assertTrue(answer.getString("answer").contains("eleven"), answer.getString("answer"));
        assertTrue(answer.getString("answer").contains("(published Thursday 20 June 2024)"), answer.getString("answer"));
    }
}

package herald.sources;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * With private addresses refused (the default), a source on the loopback interface is refused when added over
 * the API, and a configured one is refused at each poll, which the scheduler runs on its own.
 */
@QuarkusTest
@TestProfile(PrivateAddressRefusalTest.Strict.class)
@QuarkusTestResource(StubOllamaResource.class)
class PrivateAddressRefusalTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.answer.mode", "retrieval-only",
                    "herald.sources.poll-tick", "1s",
                    "herald.sources[0].url", "http://127.0.0.1:9/feed.xml",
                    "herald.sources[0].name", "Internal wiki",
                    "herald.sources[0].poll-every", "PT1M");
        }
    }

    @Test
    void refusesToAddASourceOnAPrivateAddress() {
        for (String url : List.of("http://127.0.0.1:8080/rss.xml", "http://10.0.0.8/rss.xml", "http://169.254.169.254/latest/")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/sources")
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("refused"));
        }
    }

    @Test
    void aConfiguredSourceOnAPrivateAddressIsListedAndRefusedAtEachScheduledPoll() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> sources = given().get("/api/sources").then().statusCode(200).extract().path("$");
            assertEquals(1, sources.size(), sources.toString());
            Map<String, Object> source = sources.get(0);
            assertEquals("Internal wiki", source.get("name"));
            assertEquals(Boolean.TRUE, source.get("configured"));
            assertEquals("PT1M", source.get("pollEvery"));
            if (source.get("lastError") != null) {
                assertTrue(((String) source.get("lastError")).contains("allow-private-addresses"), source.toString());
                given().delete("/api/sources/" + source.get("id")).then().statusCode(409);
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("the configured source was not polled by the scheduler within 60 s");
    }
}

package herald.api;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client asking as fast as it can is told to slow down, with Retry-After, and is served again after waiting. */
@QuarkusTest
@TestProfile(AskRateLimitTest.TightLimit.class)
@QuarkusTestResource(StubOllamaResource.class)
class AskRateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a burst of three, then one question every 10 s; 127.0.0.1 is the proxy the tests speak through
            return Map.of("herald.rate-limit.enabled", "true", "herald.rate-limit.per-minute", "6",
                    "herald.rate-limit.burst", "3", "herald.http.trusted-proxies", "127.0.0.1",
                    "herald.answer.mode", "retrieval-only");
        }
    }

    @Test
    void aClientAskingTooFastGets429WithRetryAfterAndIsServedAgainAfterWaiting() throws InterruptedException {
        int served = 0;
        Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 80 && refused == null; i++) {
            Response r = ask("203.0.113.7");
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.statusCode());
                served++;
            }
        }
        assertTrue(refused != null, "80 questions at once are not all answered");
        // the burst, plus one question per 10 s the asking took (a loaded machine answers slowly)
        long refills = (System.nanoTime() - started) / 10_000_000_000L + 1;
        assertTrue(served >= 3 && served <= 3 + refills, "served " + served + " with the burst of 3 and " + refills + " refills");
        refused.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("try again"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1, refused.headers().toString());

        ask("198.51.100.1").then().statusCode(200);
        given().contentType(ContentType.JSON).accept("text/event-stream").header("X-Forwarded-For", "203.0.113.7")
                .body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask/stream")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());

        Thread.sleep(retryAfter * 1000 + 200);
        ask("203.0.113.7").then().statusCode(200);
        given().get("/q/metrics").then().body(containsString("herald_rate_limited_total{channel=\"rest\"}"));
    }

    private static Response ask(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask");
    }
}

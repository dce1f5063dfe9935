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

/**
 * One client asking as fast as it can is told to slow down, with Retry-After, and is served again after waiting;
 * ratings share the bucket with questions; many clients do not grow the buckets beyond their bound. Each test
 * speaks for clients of its own (X-Forwarded-For from the trusted 127.0.0.1), so their buckets start full.
 */
@QuarkusTest
@TestProfile(AskRateLimitTest.TightLimit.class)
@QuarkusTestResource(StubOllamaResource.class)
class AskRateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a burst of three, then one question every 10 s; 127.0.0.1 is the proxy the tests speak through
            return Map.of("herald.rate-limit.enabled", "true", "herald.rate-limit.per-minute", "6",
                    "herald.rate-limit.burst", "3", "herald.rate-limit.max-clients", "100",
                    "herald.http.trusted-proxies", "127.0.0.1", "herald.answer.mode", "retrieval-only");
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

    @Test
    void ratingsTakeFromTheSameBucketAsQuestions() {
        String answerId = ask("198.51.100.20").then().statusCode(200).extract().path("answerId");

        // questions empty the reader's bucket (malformed ones too: the limit comes before the body is read) ...
        for (int i = 0; i < 3; i++) {
            malformedAsk("198.51.100.21").then().statusCode(400);
        }
        // ... and then their rating is refused like a question
        Response refused = rate("198.51.100.21", answerId);
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.headers().toString());
        rate("198.51.100.20", answerId).then().statusCode(201);

        // the other way round: ratings empty the bucket, and the next question is refused
        for (int i = 0; i < 3; i++) {
            rate("198.51.100.22", answerId).then().statusCode(201);
        }
        ask("198.51.100.22").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().get("/q/metrics").then().body(containsString("herald_rate_limited_total{channel=\"feedback\"}"));
    }

    @Test
    void aThousandClientAddressesDoNotGrowTheBucketsBeyondTheirBound() {
        for (int i = 0; i < 1000; i++) {
            malformedAsk("10.1." + (i / 250) + "." + (i % 250)).then().statusCode(400);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double held = metrics.lines().filter(l -> l.startsWith("herald_rate_limit_clients "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
        assertEquals(100.0, held, "herald.rate-limit.max-clients buckets, the least recently seen forgotten");
        // a forgotten client starts again with a full bucket
        ask("10.1.0.0").then().statusCode(200);
    }

    private static Response malformedAsk(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client).body("{}").post("/api/ask");
    }

    private static Response rate(String client, String answerId) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body("{\"answerId\":\"" + answerId + "\",\"rating\":\"up\"}").post("/api/feedback");
    }

    private static Response ask(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask");
    }
}

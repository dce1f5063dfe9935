package herald.widget;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** What the widget needs from the service over plain HTTP: its script, its pages, and CORS for its origins. */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class WidgetResourcesTest {

    @Test
    void servesWidgetScriptSmallAndCacheable() {
        byte[] script = given().when().get("/widget.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", "public, max-age=3600")
                .extract().asByteArray();
        org.hamcrest.MatcherAssert.assertThat("under 40 kB unminified", script.length, lessThan(40_000));
    }

    @Test
    void servesDemoNewsPageAndFullPageChat() {
        given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"/widget.js\""), containsString("href=\"/chat\""));
        given().redirects().follow(true).when().get("/chat")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-mode=\"page\""));
    }

    @Test
    void allowsPreflightFromLocalhostOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/ask/stream")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        given().header("Origin", "https://news.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/ask/stream")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://news.example.com").contentType(ContentType.JSON)
                .body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(403);
    }

    @Test
    void servesWidgetScriptToAnySiteAndNeverCachesAnError() {
        given().header("Origin", "https://news.example.com").when().get("/widget.js")
                .then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", "public, max-age=3600")
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://news.example.com").when().post("/widget.js")
                .then().statusCode(not(200)).header("Cache-Control", not(containsString("public")));
    }

    @Test
    void apiResponsesVaryByOriginAndNeverAllowCredentials() {
        given().header("Origin", "http://localhost:3000").contentType(ContentType.JSON)
                .body("{\"question\":\"When does Putin visit Vietnam?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", nullValue());
        given().when().get("/api/documents").then().statusCode(200).header("Vary", containsString("Origin"));
        given().header("Origin", "https://news.example.com").when().get("/api/documents")
                .then().statusCode(403).contentType("application/problem+json").header("Vary", containsString("Origin"));
    }

    @Test
    void defaultOriginsAreHttpPagesOnThisMachineWithARealPort() {
        for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:65535", "http://localhost")) {
            preflight(origin).then().statusCode(200).header("Access-Control-Allow-Origin", origin);
        }
        for (String origin : List.of("https://localhost", "http://localhost:99999999", "http://localhost:0", "http://localhost:65536",
                "http://localhost.evil.example", "http://evil.example/http://localhost", "http://127.0.0.1.evil.example:80")) {
            preflight(origin).then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        }
    }

    private static io.restassured.response.Response preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/ask/stream");
    }
}

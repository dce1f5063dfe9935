package herald.api;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With an API key set, only its holder changes the corpus; anyone may still ask. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@QuarkusTestResource(StubOllamaResource.class)
class ApiKeyTest {

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.api-key", "s3cret-key", "herald.answer.mode", "retrieval-only");
        }
    }

    private static final String ARTICLE = "{\"title\":\"Key test\",\"text\":\"Can Tho opened a floating market museum on Sunday.\"}";

    @Test
    void refusesIngestionAndDeletionWithoutTheKey() {
        given().contentType(ContentType.JSON).body(ARTICLE).post("/api/documents")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(ARTICLE).post("/api/documents")
                .then().statusCode(401);
        String seed = given().get("/api/documents").then().statusCode(200).extract().path("[0].id");
        given().delete("/api/documents/" + seed).then().statusCode(401);
        given().get("/api/documents/" + seed).then().statusCode(200);
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        for (String scheme : new String[] {"bearer", "BEARER"}) {
            String id = given().contentType(ContentType.JSON).header("Authorization", scheme + " s3cret-key")
                    .body("{\"title\":\"Scheme " + scheme + "\",\"text\":\"Pleiku opened a coffee museum on " + scheme + " day.\"}")
                    .post("/api/documents").then().statusCode(201).extract().path("id");
            given().header("Authorization", scheme + " s3cret-key").delete("/api/documents/" + id).then().statusCode(204);
        }
    }

    @Test
    void acceptsIngestionWithTheKeyAndKeepsAskingOpen() {
        String id = given().contentType(ContentType.JSON).header("Authorization", "Bearer s3cret-key").body(ARTICLE)
                .post("/api/documents").then().statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer s3cret-key").delete("/api/documents/" + id).then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"question\":\"When does Putin visit Vietnam?\"}").post("/api/ask")
                .then().statusCode(200);
    }
}

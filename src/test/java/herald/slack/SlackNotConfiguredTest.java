package herald.slack;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN the Slack endpoints say how to set them, and the rest of Herald runs. */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class SlackNotConfiguredTest {

    @Test
    void answers404SayingHowToConfigureSlack() {
        for (String path : new String[] {"/slack/events", "/slack/commands"}) {
            given().contentType("application/json").body("{\"type\":\"url_verification\",\"challenge\":\"x\"}")
                    .when().post(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", containsString("SLACK_SIGNING_SECRET"))
                    .body("detail", containsString("SLACK_BOT_TOKEN"));
        }
    }

    @Test
    void restOfTheServiceRunsWithoutSlack() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}

package herald.slack;

import herald.testing.SlackProfile;
import herald.testing.StubSlack;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;

/** Requests signed as Slack signs them: HMAC-SHA256 over {@code v0:timestamp:body}, computed here independently of the SDK. */
public final class SignedSlackRequests {

    private SignedSlackRequests() {
    }

    static RequestSpecification signedJson(String body) {
        return signed(body, Instant.now().getEpochSecond(), SlackProfile.SIGNING_SECRET).contentType("application/json; charset=UTF-8");
    }

    static RequestSpecification signedForm(String body) {
        return signed(body, Instant.now().getEpochSecond(), SlackProfile.SIGNING_SECRET)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static RequestSpecification signed(String body, long timestamp, String secret) {
        return given().header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature(body, timestamp, secret))
                .body(body);
    }

    public static String signature(String body, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Events API envelope around one event, naming the bot in its authorizations as Slack does. */
    public static String eventCallback(String eventId, String event) {
        return "{\"token\":\"unused\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":" + Instant.now().getEpochSecond() + ","
                + "\"authorizations\":[{\"team_id\":\"T0001\",\"user_id\":\"" + StubSlack.BOT_USER_ID + "\",\"is_bot\":true}],"
                + "\"event\":" + event + "}";
    }

    /** An envelope as older or shared-channel deliveries send it, without authorizations: the bot must ask auth.test who it is. */
    static String eventCallbackWithoutAuthorizations(String eventId, String event) {
        return eventCallback(eventId, event).replaceAll("\"authorizations\":\\[[^\\]]*\\],", "");
    }

    public static String mention(String channel, String ts, String threadTs, String text) {
        return "{\"type\":\"app_mention\",\"user\":\"UASKER\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\","
                + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
                + "\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}";
    }

    static String directMessage(String channel, String ts, String user, String text) {
        return "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"" + user + "\",\"text\":\"" + text + "\","
                + "\"ts\":\"" + ts + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}";
    }
}

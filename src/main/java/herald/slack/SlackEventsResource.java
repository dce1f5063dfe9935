package herald.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import herald.api.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Slack's Events API: answers the URL check, and acknowledges each signed event at once while the
 * question it asks (a mention, a DM) is answered in the background; a :+1: or :-1: reaction on an
 * answer rates it, and removing the reaction takes the rating back.
 */
@Path("/slack/events")
@Blocking
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    private final SlackRequestVerifier verifier;
    private final SlackRetryMemory deduplicator;
    private final SlackAnswerQueue answers;
    private final SlackAnswerPoster poster;
    private final SlackReactions reactions;
    private final ObjectMapper json;

    public SlackEventsResource(SlackRequestVerifier verifier, SlackRetryMemory deduplicator, SlackAnswerQueue answers,
                               SlackAnswerPoster poster, SlackReactions reactions, ObjectMapper json) {
        this.verifier = verifier;
        this.deduplicator = deduplicator;
        this.answers = answers;
        this.poster = poster;
        this.reactions = reactions;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack Events API request URL (signed by Slack)")
    public Response receive(byte[] body,
                            @HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
                            @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature,
                            @HeaderParam("X-Slack-Retry-Num") String retryNum) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        verifier.verify(timestamp, signature, text);
        JsonNode envelope = parse(text);
        switch (envelope.path("type").asText()) {
            case "url_verification":
                return Response.ok(Map.of("challenge", envelope.path("challenge").asText())).build();
            case "event_callback":
                receiveEvent(envelope, retryNum);
                return Response.ok().build();
            default:
                LOG.debugf("Ignored a Slack request of type %s", envelope.path("type").asText());
                return Response.ok().build();
        }
    }

    private void receiveEvent(JsonNode envelope, String retryNum) {
        String eventId = envelope.path("event_id").asText();
        if (!eventId.isEmpty() && !deduplicator.firstDelivery(eventId)) {
            LOG.debugf("Dropped Slack's retry %s of event %s: it is already being answered", retryNum, eventId);
            return;
        }
        JsonNode event = envelope.path("event");
        String type = event.path("type").asText();
        if (type.equals("reaction_added")) {
            reactions.reactionAdded(event, botUserId(envelope));
            return;
        }
        if (type.equals("reaction_removed")) {
            reactions.reactionRemoved(event, botUserId(envelope));
            return;
        }
        SlackQuestion.fromEvent(event, botUserId(envelope)).ifPresentOrElse(answers::answerInSlack,
                () -> LOG.debugf("Ignored Slack event %s (%s %s)", eventId, event.path("type").asText(), event.path("subtype").asText("")));
    }

    /** The bot's user id: Slack lists it in the event's authorizations; auth.test (once) when it does not. */
    private String botUserId(JsonNode envelope) {
        for (JsonNode authorization : envelope.path("authorizations")) {
            if (authorization.path("is_bot").asBoolean() && authorization.hasNonNull("user_id")) {
                return authorization.get("user_id").asText();
            }
        }
        return poster.botUserId().orElse(null);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "The body is not a JSON Slack event");
        }
    }
}

package herald.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import herald.api.ProblemException;
import herald.api.RateLimiter;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code /herald <question>} slash command: an ephemeral "Looking it up…" at once, the answer through response_url. */
@Path("/slack/commands")
@Blocking
public class SlackCommandsResource {

    private static final Logger LOG = Logger.getLogger(SlackCommandsResource.class);

    private final SlackRequestVerifier verifier;
    private final SlackRetryMemory replays;
    private final SlackAnswerQueue answers;
    private final SlackMessageFormatter formatter;
    private final URI responseUrlBase;
    private final RateLimiter limits;
    private final SlashCommandPayloadParser parser = new SlashCommandPayloadParser();

    public SlackCommandsResource(SlackRequestVerifier verifier, SlackRetryMemory replays, SlackAnswerQueue answers,
                                 SlackMessageFormatter formatter, SlackSettings settings, RateLimiter limits) {
        this.verifier = verifier;
        this.replays = replays;
        this.answers = answers;
        this.formatter = formatter;
        this.responseUrlBase = URI.create(settings.responseUrlBase());
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack slash command request URL (signed by Slack)")
    public Map<String, String> command(byte[] body,
                                       @HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
                                       @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        verifier.verify(timestamp, signature, text);
        // a signed request is unique by its timestamp and signature: a replay within the 5-minute window is dropped,
        // by the same memory (embedded or shared) that drops Slack's event retries
        if (!replays.firstDelivery("command:" + timestamp.strip() + ":" + signature.strip())) {
            LOG.warnf("Refused a replayed slash command (timestamp %s)", timestamp);
            throw new ProblemException(409, "Conflict", "This signed request was already received; it is answered once");
        }
        SlashCommandPayload command = parser.parse(text);
        if (command.getResponseUrl() == null || command.getResponseUrl().isBlank()) {
            throw new ProblemException(400, "Bad Request", "The slash command has no response_url");
        }
        if (!isSlackHook(command.getResponseUrl())) {
            LOG.warnf("Refused a slash command whose response_url is not under %s", responseUrlBase);
            throw new ProblemException(400, "Bad Request", "The slash command's response_url is not a Slack hook URL ("
                    + responseUrlBase + "…)");
        }
        String question = command.getText() == null ? "" : command.getText().strip();
        SlackMessage reply;
        RateLimiter.Decision decision = question.isEmpty() ? null : limits.take("slack:" + command.getUserId(), "slack");
        if (decision != null && !decision.allowed()) {
            reply = formatter.slowDown(decision.retryAfterSeconds());
        } else if (question.isEmpty()) {
            reply = formatter.invalidQuestion("Type your question after " + (command.getCommand() == null ? "/herald" : command.getCommand()));
        } else if (answers.answerThroughResponseUrl(question, command.getResponseUrl())) {
            reply = formatter.lookingItUp();
        } else {
            reply = formatter.busy();
        }
        return Map.of("response_type", "ephemeral", "text", reply.text());
    }

    /** Same scheme, host and port as {@code herald.slack.response-url-base}, and a path under its path. */
    boolean isSlackHook(String responseUrl) {
        try {
            URI url = new URI(responseUrl.strip()).normalize();
            return responseUrlBase.getScheme().equalsIgnoreCase(String.valueOf(url.getScheme()))
                    && responseUrlBase.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
                    && url.getRawUserInfo() == null
                    && responseUrlBase.getPort() == url.getPort()
                    && url.getRawPath() != null && url.getRawPath().startsWith(responseUrlBase.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

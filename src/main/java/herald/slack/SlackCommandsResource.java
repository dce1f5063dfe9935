package herald.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import herald.api.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code /herald <question>} slash command: an ephemeral "Looking it up…" at once, the answer through response_url. */
@Path("/slack/commands")
@Blocking
public class SlackCommandsResource {

    private final SlackRequestVerifier verifier;
    private final SlackAnswerQueue answers;
    private final SlackMessageFormatter formatter;
    private final SlashCommandPayloadParser parser = new SlashCommandPayloadParser();

    public SlackCommandsResource(SlackRequestVerifier verifier, SlackAnswerQueue answers, SlackMessageFormatter formatter) {
        this.verifier = verifier;
        this.answers = answers;
        this.formatter = formatter;
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
        SlashCommandPayload command = parser.parse(text);
        if (command.getResponseUrl() == null || command.getResponseUrl().isBlank()) {
            throw new ProblemException(400, "Bad Request", "The slash command has no response_url");
        }
        String question = command.getText() == null ? "" : command.getText().strip();
        SlackMessage reply;
        if (question.isEmpty()) {
            reply = formatter.invalidQuestion("Type your question after " + (command.getCommand() == null ? "/herald" : command.getCommand()));
        } else if (answers.answerThroughResponseUrl(question, command.getResponseUrl())) {
            reply = formatter.lookingItUp();
        } else {
            reply = formatter.busy();
        }
        return Map.of("response_type", "ephemeral", "text", reply.text());
    }
}

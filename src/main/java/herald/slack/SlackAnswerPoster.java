package herald.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Talks to Slack's Web API through the official SDK: posts messages, adds and removes the :eyes: reaction
 * that shows a question is being worked on (so there is no placeholder message to update), answers slash
 * commands through their response_url, and learns the bot's own user id. Failures are logged and reported
 * as {@code false}: a lost Slack call must not take a worker down.
 */
@ApplicationScoped
public class SlackAnswerPoster {

    private static final Logger LOG = Logger.getLogger(SlackAnswerPoster.class);
    static final String WORKING_REACTION = "eyes";
    /** The event type of the metadata that names the answer a message shows. */
    static final String ANSWER_METADATA = "herald_answer";

    private final Slack slack;
    private final MethodsClient methods;
    private final SlashCommandResponseSender responder;
    private volatile String botUserId;

    public SlackAnswerPoster(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String apiUrl = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(apiUrl);
        // a worker waits at most this long for Slack; Slack itself answers in well under a second
        config.setHttpClientCallTimeoutMillis(15_000);
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(settings.botToken().orElse(""));
        this.responder = new SlashCommandResponseSender(slack);
    }

    /**
     * Posts a message in a channel, in the thread of {@code threadTs} when given; returns the posted message's
     * ts, or empty when Slack refused it. An answer carries its id as message metadata.
     */
    public Optional<String> post(String channel, String threadTs, SlackMessage message) {
        Message.Metadata metadata = message.answerId() == null ? null
                : new Message.Metadata(ANSWER_METADATA, Map.of("answer_id", message.answerId()));
        AtomicReference<String> ts = new AtomicReference<>();
        call("chat.postMessage", channel, () -> {
            ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks()).metadata(metadata)
                    .unfurlLinks(false).unfurlMedia(false));
            ts.set(response.getTs());
            return response;
        });
        return Optional.ofNullable(ts.get());
    }

    /** Marks a message with :eyes: while its question is being answered. */
    public boolean markWorking(String channel, String ts) {
        return call("reactions.add", channel,
                () -> methods.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(WORKING_REACTION)));
    }

    public boolean unmarkWorking(String channel, String ts) {
        return call("reactions.remove", channel,
                () -> methods.reactionsRemove(r -> r.channel(channel).timestamp(ts).name(WORKING_REACTION)));
    }

    /** A Web API method call of the SDK's, which reports failure by exception as well as by "ok": false. */
    private interface SlackCall {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }

    /** Runs a call and logs any failure: a reaction or message Slack refused must not stop the answer. */
    private boolean call(String method, String channel, SlackCall call) {
        try {
            return ok(method, call.run());
        } catch (IOException | SlackApiException e) {
            LOG.warnf("%s in %s failed: %s", method, channel, e.toString());
            return false;
        }
    }

    /** Answers a slash command through its response_url, visible to the asker only. */
    public boolean respond(String responseUrl, SlackMessage message) {
        try {
            int status = responder.send(responseUrl, SlashCommandResponse.builder().responseType("ephemeral")
                    .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks()).build()).getCode();
            if (status / 100 != 2) {
                LOG.warnf("Posting to a slash command's response_url answered HTTP %d", status);
            }
            return status / 100 == 2;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Posting to a slash command's response_url failed: %s", e.toString());
            return false;
        }
    }

    /** The bot's own user id, from auth.test on first use; empty while Slack cannot be asked. */
    public Optional<String> botUserId() {
        if (botUserId == null) {
            try {
                AuthTestResponse response = methods.authTest(r -> r);
                if (ok("auth.test", response)) {
                    botUserId = response.getUserId();
                }
            } catch (IOException | SlackApiException e) {
                LOG.warnf("auth.test failed: %s", e.toString());
            }
        }
        return Optional.ofNullable(botUserId);
    }

    private static boolean ok(String method, SlackApiTextResponse response) {
        if (!response.isOk()) {
            LOG.warnf("Slack refused %s: %s", method, response.getError());
        }
        return response.isOk();
    }

    @PreDestroy
    void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debugf("Closing the Slack client: %s", e.toString());
        }
    }
}

package herald.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The Slack bot's settings. The bot is on only when both the signing secret and the bot token are set
 * (application.properties maps them from {@code SLACK_SIGNING_SECRET} and {@code SLACK_BOT_TOKEN}).
 */
@ConfigMapping(prefix = "herald.slack")
public interface SlackSettings {

    /** The app's signing secret (Basic Information → App Credentials); every request from Slack is checked against it. */
    Optional<String> signingSecret();

    /** The bot token, {@code xoxb-...} (OAuth &amp; Permissions), used to post answers. */
    Optional<String> botToken();

    /** Base URL of Slack's Web API; tests point it at a stub. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /**
     * Where slash command answers may be posted: a command's {@code response_url} must have this scheme, host and
     * port and a path under this one, so that a signed request cannot make Herald post to any URL it names.
     * Tests point it at a stub on loopback.
     */
    @WithDefault("https://hooks.slack.com/")
    String responseUrlBase();

    /** Questions answered at the same time: each holds a thread while the LLM writes. */
    @WithDefault("2")
    int workers();

    /** Questions waiting for a worker; beyond that the asker is told Herald is busy. */
    @WithDefault("20")
    int queueSize();

    /** How long an event id is remembered to drop Slack's retries (Slack retries for about 5 minutes). */
    @WithDefault("10m")
    Duration retryMemory();

    /** Event ids remembered at most, so a flood of events cannot grow memory without bound. */
    @WithDefault("10000")
    int retryMemoryEntries();

    /** Whether both secrets are present (an empty environment variable counts as absent). */
    default boolean configured() {
        return signingSecret().filter(s -> !s.isBlank()).isPresent() && botToken().filter(t -> !t.isBlank()).isPresent();
    }
}

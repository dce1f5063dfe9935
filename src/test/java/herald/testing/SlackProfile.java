package herald.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The service with the Slack bot on, talking to {@link StubSlack}; one worker and a queue of one, so a
 * test can fill the queue with three questions. Ollama is the stub of {@link StubOllamaResource}.
 */
public class SlackProfile implements QuarkusTestProfile {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final StubSlack SLACK = new StubSlack();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "herald.slack.signing-secret", SIGNING_SECRET,
                "herald.slack.bot-token", "xoxb-test-token",
                "herald.slack.workers", "1",
                "herald.slack.queue-size", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubSlackResource.class));
    }

    /** Starts the stub Slack Web API and points the bot at it. */
    public static class StubSlackResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                SLACK.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("herald.slack.api-url", SLACK.apiUrl(), "herald.slack.response-url-base", SLACK.responseUrl(""));
        }

        @Override
        public void stop() {
            SLACK.stop();
        }
    }
}

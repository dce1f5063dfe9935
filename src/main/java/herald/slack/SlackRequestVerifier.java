package herald.slack;

import com.slack.api.app_backend.SlackSignature;
import herald.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks that a request really comes from Slack: the HMAC-SHA256 signature over {@code v0:timestamp:body}
 * with the app's signing secret, and a timestamp at most five minutes off (replays are refused).
 * The SDK computes the signature and judges the timestamp; the comparison is ours because the SDK's
 * {@code Verifier} compares with {@code String.equals}, which leaks timing.
 */
@ApplicationScoped
public class SlackRequestVerifier {

    private static final Logger LOG = Logger.getLogger(SlackRequestVerifier.class);
    /** Slack's own limit, also applied to timestamps in the future (the SDK only checks the past). */
    private static final Duration MAX_SKEW = Duration.ofMillis(SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS);

    private final Optional<SlackSignature.Generator> signatures;
    private final Clock clock;

    @Inject
    public SlackRequestVerifier(SlackSettings settings) {
        this(settings.signingSecret(), Clock.systemUTC());
    }

    SlackRequestVerifier(Optional<String> signingSecret, Clock clock) {
        // the Generator refuses an empty secret; when Slack is not configured no request gets this far
        this.signatures = signingSecret.filter(s -> !s.isBlank()).map(SlackSignature.Generator::new);
        this.clock = clock;
        if (signatures.isPresent() && !Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            // the SDK signs String.getBytes() in the default charset: anything else breaks non-ASCII messages
            LOG.warnf("The JVM's default charset is %s: start Herald with -Dfile.encoding=UTF-8, or Slack messages "
                    + "with non-ASCII characters will fail signature checks", Charset.defaultCharset());
        }
    }

    /** Returns quietly when the request is Slack's; otherwise logs why and throws a 401 problem. */
    public void verify(String timestamp, String signature, String body) {
        if (signatures.isEmpty()) {
            throw refused("Slack is not configured", "no signing secret");
        }
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw refused("The request lacks the X-Slack-Request-Timestamp or X-Slack-Signature header", "missing header");
        }
        long now = clock.millis();
        boolean fresh;
        try {
            long sentAt = Long.parseLong(timestamp.strip()) * 1000;
            fresh = SlackSignature.TimestampVerifier.isValidTimestamp(timestamp.strip(), now)
                    && sentAt - now < MAX_SKEW.toMillis();
        } catch (NumberFormatException e) {
            fresh = false;
        }
        if (!fresh) {
            throw refused("The request's timestamp is more than 5 minutes off", "stale or invalid timestamp " + timestamp);
        }
        String expected = signatures.get().generate(timestamp.strip(), body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw refused("The request's signature does not match the signing secret", "signature mismatch");
        }
    }

    private static ProblemException refused(String detail, String reason) {
        LOG.warnf("Refused a request claiming to come from Slack: %s", reason);
        return new ProblemException(401, "Unauthorized", detail);
    }
}

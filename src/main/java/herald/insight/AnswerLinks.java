package herald.insight;

import java.time.Instant;
import java.util.Optional;

/**
 * Which answer a channel's message shows (a Slack message, say), so a reaction to the message rates the
 * answer. Keys are opaque ({@link OpaqueKeys#reference}). On disk in the embedded default, shared storage
 * when Herald scales out.
 */
public interface AnswerLinks {

    void link(String key, String answerId, Instant at);

    Optional<String> answerId(String key);

    /** Forgets links made before {@code cutoff}; returns how many. */
    long pruneBefore(Instant cutoff);
}

package herald.insight;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The log of answered questions: on disk in the embedded default, shared storage when Herald scales out. */
public interface QuestionLog {

    /** Keeps these questions; durable when this returns. */
    void append(List<LoggedQuestion> questions);

    Optional<LoggedQuestion> find(String answerId);

    /**
     * Whether other replicas write to this log too: then an answer given by another replica may not be in it
     * yet (its writer embeds and stores off the answer's path), and a look-up that finds nothing is worth a
     * short wait.
     */
    default boolean sharedWithOtherReplicas() {
        return false;
    }

    /** The questions asked from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<LoggedQuestion> between(Instant from, Instant to);

    /** Forgets questions asked before {@code cutoff}; returns how many. */
    long pruneBefore(Instant cutoff);
}

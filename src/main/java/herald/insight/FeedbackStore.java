package herald.insight;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where readers' ratings are kept: on disk in the embedded default, shared storage when Herald scales out. */
public interface FeedbackStore {

    /** Keeps a rating; one voter's earlier rating of the same answer is replaced. */
    void rate(Feedback feedback);

    /**
     * Forgets one voter's rating of an answer when it is {@code rating} (a Slack reaction taken back);
     * a different rating of theirs stays. Returns whether a rating was forgotten.
     */
    boolean withdraw(String answerId, String voter, Rating rating);

    /** The ratings of these answers. */
    List<Feedback> forAnswers(Collection<String> answerIds);

    /** Forgets ratings made before {@code cutoff}; returns how many. */
    long pruneBefore(Instant cutoff);
}

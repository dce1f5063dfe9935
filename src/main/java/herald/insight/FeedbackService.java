package herald.insight;

import herald.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Takes a reader's rating of an answer, from any channel: checks it, and keeps one rating per reader and answer. */
@ApplicationScoped
public class FeedbackService {

    public static final int MAX_COMMENT_CHARS = 1000;

    private final FeedbackStore store;
    private final QuestionRecorder answers;
    private final VoterKeys voters;
    private final Clock clock;

    public FeedbackService(FeedbackStore store, QuestionRecorder answers, VoterKeys voters, Clock clock) {
        this.store = store;
        this.answers = answers;
        this.voters = voters;
        this.clock = clock;
    }

    /**
     * Keeps the rating; a reader's earlier rating of the same answer is replaced.
     *
     * @param reader who rates, as the channel knows them (a client id, an address, a Slack user); only its
     *               keyed hash with the answer id is stored
     * @throws ProblemException 404 for an answer Herald did not give, 400 for a comment that is too long
     */
    public Feedback rate(String answerId, Rating rating, String comment, String reader) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        if (trimmed != null && trimmed.length() > MAX_COMMENT_CHARS) {
            throw new ProblemException(400, "Bad Request", "The comment is longer than " + MAX_COMMENT_CHARS + " characters");
        }
        if (answerId == null || answerId.isBlank() || !answers.known(answerId.strip())) {
            throw ProblemException.notFound("No answer with id " + answerId);
        }
        Feedback feedback = new Feedback(answerId.strip(), voters.of(answerId.strip(), reader), rating, trimmed, clock.instant());
        store.rate(feedback);
        answers.pruneOncePerDay();
        return feedback;
    }
}

package herald.insight;

import herald.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/** Takes a reader's rating of an answer, from any channel: checks it, and keeps one rating per reader and answer. */
@ApplicationScoped
public class FeedbackService {

    public static final int MAX_COMMENT_CHARS = 1000;

    private final FeedbackStore store;
    private final QuestionRecorder answers;
    private final AnswerLinks links;
    private final OpaqueKeys keys;
    private final Clock clock;

    public FeedbackService(FeedbackStore store, QuestionRecorder answers, AnswerLinks links, OpaqueKeys keys, Clock clock) {
        this.store = store;
        this.answers = answers;
        this.links = links;
        this.keys = keys;
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
        Feedback feedback = new Feedback(answerId.strip(), keys.voter(answerId.strip(), reader), rating, trimmed, clock.instant());
        store.rate(feedback);
        answers.pruneOncePerDay();
        return feedback;
    }

    /**
     * Remembers that a channel's message (e.g. {@code slack:<channel>:<ts>}) shows this answer, so that a
     * reaction to it can rate the answer later; only an opaque key of the reference is stored.
     */
    public void linkMessage(String messageReference, String answerId) {
        links.link(keys.reference(messageReference), answerId, clock.instant());
    }

    /** Rates the answer a channel's message shows; empty when the message shows no answer Herald knows. */
    public Optional<Feedback> rateMessage(String messageReference, Rating rating, String reader) {
        return links.answerId(keys.reference(messageReference)).filter(answers::known)
                .map(answerId -> rate(answerId, rating, null, reader));
    }

    /**
     * Takes back a reader's rating of the answer a channel's message shows (a reaction removed), when their
     * rating is still {@code rating}: removing a :+1: after a :-1: replaced it leaves the :-1:. Returns whether
     * a rating was taken back.
     */
    public boolean withdrawMessageRating(String messageReference, Rating rating, String reader) {
        return links.answerId(keys.reference(messageReference))
                .map(answerId -> store.withdraw(answerId, keys.voter(answerId, reader), rating))
                .orElse(false);
    }
}

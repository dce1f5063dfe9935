package herald.insight;

import java.time.Instant;

/**
 * One reader's rating of one answer.
 *
 * @param voter   an opaque key that is the same for one reader rating one answer, and unrelated across
 *                answers: it tells a second rating from a new one without saying who rated
 * @param comment what a reader said about a thumbs-down, or null
 */
public record Feedback(String answerId, String voter, Rating rating, String comment, Instant ratedAt) {
}

package herald.slack;

import com.fasterxml.jackson.databind.JsonNode;
import herald.insight.FeedbackService;
import herald.insight.Rating;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Counts a :+1: or :-1: reaction (any skin tone) on one of Herald's own answers as that person's rating of
 * the answer; a second reaction of theirs replaces the first, and removing the reaction their rating comes from
 * takes the rating back. Reactions to anything else are ignored. The
 * reacting user's id is only hashed with the answer id ({@link FeedbackService}), never stored.
 */
@ApplicationScoped
public class SlackReactions {

    private static final Logger LOG = Logger.getLogger(SlackReactions.class);

    private final FeedbackService feedback;

    public SlackReactions(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** The message reference an answer's Slack message is linked under. */
    static String reference(String channel, String ts) {
        return "slack:" + channel + ":" + ts;
    }

    /** The rating a reaction name gives, if any: {@code +1}/{@code thumbsup} up, {@code -1}/{@code thumbsdown} down. */
    static Optional<Rating> rating(String reaction) {
        String name = reaction == null ? "" : reaction.replaceFirst("::skin-tone-\\d$", "");
        return switch (name) {
            case "+1", "thumbsup" -> Optional.of(Rating.UP);
            case "-1", "thumbsdown" -> Optional.of(Rating.DOWN);
            default -> Optional.empty();
        };
    }

    /** Handles a {@code reaction_added} event; returns whether it counted as a rating. */
    public boolean reactionAdded(JsonNode event, String botUserId) {
        Optional<Rating> rating = ratingOfHeraldsAnswer(event, botUserId);
        if (rating.isEmpty()) {
            return false;
        }
        boolean counted = feedback.rateMessage(messageReference(event), rating.get(), reader(event)).isPresent();
        if (!counted) {
            LOG.debugf("A :%s: on a message of Herald's that shows no known answer", event.path("reaction").asText());
        }
        return counted;
    }

    /**
     * Handles a {@code reaction_removed} event: the person takes their rating back, if the reaction removed is
     * the one their rating still comes from. Returns whether a rating was taken back.
     */
    public boolean reactionRemoved(JsonNode event, String botUserId) {
        Optional<Rating> rating = ratingOfHeraldsAnswer(event, botUserId);
        return rating.isPresent() && feedback.withdrawMessageRating(messageReference(event), rating.get(), reader(event));
    }

    /** The rating a reaction event is about: a thumbs, by a person other than Herald, on a message of Herald's. */
    private static Optional<Rating> ratingOfHeraldsAnswer(JsonNode event, String botUserId) {
        Optional<Rating> rating = rating(event.path("reaction").asText());
        String user = event.path("user").asText();
        if (rating.isEmpty() || !event.path("item").path("type").asText().equals("message") || user.isEmpty()
                || botUserId == null || !botUserId.equals(event.path("item_user").asText()) || botUserId.equals(user)) {
            return Optional.empty();
        }
        return rating;
    }

    private static String messageReference(JsonNode event) {
        JsonNode item = event.path("item");
        return reference(item.path("channel").asText(), item.path("ts").asText());
    }

    private static String reader(JsonNode event) {
        return "slack:" + event.path("user").asText();
    }
}

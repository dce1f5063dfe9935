package herald.slack;

import com.fasterxml.jackson.databind.JsonNode;
import herald.insight.FeedbackService;
import herald.insight.Rating;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Counts a :+1: or :-1: reaction (any skin tone) on one of Herald's own answers as that person's rating of
 * the answer; a second reaction of theirs replaces the first. Reactions to anything else are ignored. The
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
        Optional<Rating> rating = rating(event.path("reaction").asText());
        JsonNode item = event.path("item");
        String user = event.path("user").asText();
        if (rating.isEmpty() || !item.path("type").asText().equals("message") || user.isEmpty()
                || botUserId == null || !botUserId.equals(event.path("item_user").asText()) || botUserId.equals(user)) {
            return false;
        }
        String channel = item.path("channel").asText();
        String ts = item.path("ts").asText();
        boolean counted = feedback.rateMessage(reference(channel, ts), rating.get(), "slack:" + user).isPresent();
        if (!counted) {
            LOG.debugf("A :%s: on a message of Herald's in %s that shows no known answer", event.path("reaction").asText(), channel);
        }
        return counted;
    }
}

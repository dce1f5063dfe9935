package herald.slack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question someone asked the bot in Slack, and where its answer goes.
 *
 * @param channel        the channel or DM the question was asked in
 * @param messageTs      the question's own message, which gets the :eyes: reaction
 * @param replyThreadTs  the thread to answer in; null answers in the DM itself
 * @param text           the question, without the bot's mention
 * @param conversationId what ties follow-ups together: the thread (channel and thread ts), or the DM
 * @param user           who asked: rate limits are per Slack user
 */
public record SlackQuestion(String channel, String messageTs, String replyThreadTs, String text, String conversationId,
                            String user) {

    private static final Pattern ANY_USER_MENTION_AT_START = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>");

    /**
     * The question an {@code app_mention} or direct {@code message} event asks, or empty when the event
     * is not one to answer: the bot's own or another bot's message, an edit, a deletion, any other
     * subtype, or a message outside a DM.
     */
    static Optional<SlackQuestion> fromEvent(JsonNode event, String botUserId) {
        String type = event.path("type").asText();
        if (event.hasNonNull("subtype") || event.hasNonNull("bot_id") || event.hasNonNull("bot_profile")
                || event.has("edited") || event.path("user").asText().isEmpty()
                || (botUserId != null && botUserId.equals(event.path("user").asText()))) {
            return Optional.empty();
        }
        String channel = event.path("channel").asText();
        String ts = event.path("ts").asText();
        String threadTs = event.hasNonNull("thread_ts") ? event.get("thread_ts").asText() : null;
        String text = withoutMention(event.path("text").asText(), botUserId);
        if (channel.isEmpty() || ts.isEmpty()) {
            return Optional.empty();
        }
        if (type.equals("app_mention")) {
            String thread = threadTs != null ? threadTs : ts;
            return Optional.of(new SlackQuestion(channel, ts, thread, text, "slack:" + channel + ":" + thread,
                    event.path("user").asText()));
        }
        if (type.equals("message") && event.path("channel_type").asText().equals("im")) {
            // a DM is one running conversation, unless the user replies in a thread there
            String conversation = threadTs != null ? "slack:" + channel + ":" + threadTs : "slack:" + channel;
            return Optional.of(new SlackQuestion(channel, ts, threadTs, text, conversation, event.path("user").asText()));
        }
        return Optional.empty();
    }

    /** Removes {@code <@BOT>} wherever it is, and any user mention it starts with (the bot's, when its id is unknown). */
    static String withoutMention(String text, String botUserId) {
        String stripped = botUserId == null ? text : text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ");
        if (botUserId == null) {
            stripped = ANY_USER_MENTION_AT_START.matcher(stripped).replaceFirst("");
        }
        return stripped.replaceAll("\\s+", " ").strip();
    }
}

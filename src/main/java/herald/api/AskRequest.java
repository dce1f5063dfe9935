package herald.api;

import herald.answer.Channel;
import herald.answer.Question;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A question, optionally continuing a conversation.
 *
 * @param channel "widget" when the chat widget asks (counted in the newsroom's report); anything else is REST
 */
public record AskRequest(
        @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters") String question,
        @Size(max = 200, message = "must be at most 200 characters") String conversationId,
        @Pattern(regexp = "widget|rest", message = "must be \"widget\" or \"rest\"") String channel) {

    Question toQuestion() {
        return new Question(question, conversationId, "widget".equals(channel) ? Channel.WIDGET : Channel.REST);
    }
}

package herald.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question, optionally continuing a conversation. */
public record AskRequest(
        @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters") String question,
        @Size(max = 200, message = "must be at most 200 characters") String conversationId) {
}

package herald.insight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reader's rating of an answer.
 *
 * @param clientId optional: tells readers apart when one client relays many (otherwise the caller's address
 *                 does, for this answer only); never stored
 */
public record FeedbackRequest(
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String answerId,
        @NotNull(message = "must be \"up\" or \"down\"") @Pattern(regexp = "up|down", message = "must be \"up\" or \"down\"") String rating,
        @Size(max = FeedbackService.MAX_COMMENT_CHARS, message = "must be at most 1000 characters") String comment,
        @Size(max = 200, message = "must be at most 200 characters") String clientId) {
}

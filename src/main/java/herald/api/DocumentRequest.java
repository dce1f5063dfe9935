package herald.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An article submitted as JSON. */
public record DocumentRequest(
        @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String title,
        @NotBlank(message = "must not be blank") String text,
        @Size(max = 200, message = "must be at most 200 characters") String source,
        String publishedAt) {
}

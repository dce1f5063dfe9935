package herald.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A feed or sitemap to poll; {@code pollEvery} is an ISO-8601 duration (default PT10M). */
public record SourceRequest(
        @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 40, message = "must be at most 40 characters") String pollEvery) {
}

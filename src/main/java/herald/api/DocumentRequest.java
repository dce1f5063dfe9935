package herald.api;

import herald.ingest.ArticleReader;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An article submitted as JSON; with a {@code url}, a later submission at that URL replaces it. */
public record DocumentRequest(
        @NotBlank(message = "must not be blank") @Size(max = ArticleReader.MAX_TITLE_CHARS, message = "must be at most " + ArticleReader.MAX_TITLE_CHARS + " characters") String title,
        @NotBlank(message = "must not be blank") String text,
        @Size(max = 200, message = "must be at most 200 characters") String source,
        String publishedAt,
        @Size(max = 2000, message = "must be at most 2000 characters") String url) {
}

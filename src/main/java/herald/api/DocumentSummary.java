package herald.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.index.Article;

import java.time.Instant;
import java.time.LocalDate;

/** An article as the API lists it; {@code text} only when one article is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSummary(String id, String title, String source, String url, LocalDate publishedAt, Instant updatedAt,
                              int passages, String text) {

    static DocumentSummary of(Article a, boolean withText) {
        return new DocumentSummary(a.id(), a.title(), a.source(), a.url(), a.publishedAt(), a.updatedAt(), a.passages(),
                withText ? a.text() : null);
    }
}

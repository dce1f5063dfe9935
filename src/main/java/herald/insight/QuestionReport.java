package herald.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The newsroom's report on what readers asked between two days (inclusive, UTC). */
public record QuestionReport(LocalDate from, LocalDate to, Totals totals, List<Day> byDay, List<Group> top,
                             List<Group> unanswered, List<ThumbDown> thumbsDown, List<CitedArticle> articles) {

    /** Counts over the whole range; {@code byMode}, {@code byReason} and {@code byChannel} use the API's wire names. */
    public record Totals(long asked, long answered, long refused, Map<String, Long> byMode, Map<String, Long> byReason,
                         Map<String, Long> byChannel, long thumbsUp, long thumbsDown) {
    }

    public record Day(LocalDate date, long asked, long answered, long refused, long thumbsUp, long thumbsDown) {
    }

    /** One question however it was worded: the most asked wording, how often, and the other wordings. */
    public record Group(String question, long count, List<String> variants) {
    }

    /** An answer a reader marked wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThumbDown(String answerId, Instant askedAt, String channel, String mode, String question, String answer,
                            String comment, List<LoggedQuestion.LoggedArticle> sources) {
    }

    public record CitedArticle(String documentId, String title, long citations) {
    }
}

package herald.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.retrieval.RetrievedPassage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A passage an answer rests on; sources are numbered in order, [1] being the first.
 *
 * @param url       the article's address, for a link to it (absent for an article posted without one)
 * @param updatedAt when the article was last changed, absent when it never was
 */
public record Source(String documentId, String title, String source, LocalDate publishedAt, String text, double score,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Instant updatedAt) {

    public Source(String documentId, String title, String source, LocalDate publishedAt, String text, double score) {
        this(documentId, title, source, publishedAt, text, score, null, null);
    }

    /**
     * Longest passage text an answer carries: above any passage split today (1,120 characters), a bound for
     * passages an older version stored whole, which made every answer citing them megabytes long.
     */
    public static final int MAX_TEXT_CHARS = 2000;

    /** Adjacent passages of one article cited as one source: its text is theirs, each sentence once. */
    static Source merged(java.util.List<RetrievedPassage> run, String text) {
        Source first = of(run.get(0));
        double best = run.stream().mapToDouble(RetrievedPassage::score).max().orElse(0);
        return new Source(first.documentId(), first.title(), first.source(), first.publishedAt(), bounded(text, MAX_TEXT_CHARS),
                Math.round(best * 1e4) / 1e4, first.url(), first.updatedAt());
    }

    static Source of(RetrievedPassage r) {
        var p = r.passage();
        return new Source(p.documentId(), p.title(), p.source(), p.publishedAt(), bounded(p.text(), MAX_TEXT_CHARS),
                Math.round(r.score() * 1e4) / 1e4, p.url(), p.updatedAt());
    }

    static String bounded(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return text.substring(0, cut) + "…";
    }
}

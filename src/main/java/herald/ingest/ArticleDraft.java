package herald.ingest;

import java.time.LocalDate;

/** An article as submitted, before cleaning: what a user or a file gives us. */
public record ArticleDraft(String title, String text, String source, LocalDate publishedAt) {
}

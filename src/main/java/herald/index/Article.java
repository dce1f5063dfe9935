package herald.index;

import java.time.LocalDate;

/**
 * A cleaned article as the index holds it. Its id derives from the content hash, so the same text
 * ingested twice is the same article.
 */
public record Article(String id, String title, String text, String source, LocalDate publishedAt, int passages) {
}

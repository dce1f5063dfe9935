package herald.ingest;

import herald.index.Article;
import herald.index.Passage;
import herald.index.PassageIndex;
import herald.index.lucene.LucenePassageIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleRetentionTest {

    @TempDir
    Path dir;

    @Test
    void dropsArticlesOlderThanTheMaxAgeAndKeepsUndatedOnesAndTellsTheCache() {
        try (PassageIndex index = new LucenePassageIndex(dir)) {
            add(index, "old", LocalDate.of(2024, 1, 5));
            add(index, "recent", LocalDate.of(2024, 6, 20));
            add(index, "undated", null);
            List<ArticleChanged> changes = new ArrayList<>();
            Clock clock = Clock.fixed(LocalDate.of(2024, 6, 26).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            ArticleIngestor ingestor = new ArticleIngestor(index, null, null, changes::add, clock);
            RetentionSettings ninetyDays = () -> Optional.of(Period.ofDays(90));
            new ArticleRetention(index, ingestor, ninetyDays, clock).dropExpired();

            assertEquals(List.of("recent", "undated"), index.list().stream().map(Article::id).sorted().toList());
            assertEquals(List.of(new ArticleChanged("old", null, ArticleChanged.Change.DELETED)), changes);
            RetentionSettings off = Optional::empty;
            new ArticleRetention(index, ingestor, off, clock).dropExpired();
            assertEquals(2, index.articleCount(), "off by default");
        }
    }

    private static void add(PassageIndex index, String id, LocalDate published) {
        float[] v = new float[384];
        v[id.length()] = 1;
        index.add(new Article(id, id, "Text of " + id + ".", "Wire", published, 1), List.of(new Passage(0, "Text of " + id + ".")), List.of(v));
    }
}

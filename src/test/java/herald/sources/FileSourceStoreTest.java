package herald.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSourceStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void sourcesTheirStatusAndItemMemorySurviveARestart() {
        Instant now = Instant.parse("2024-06-17T08:00:00Z");
        FeedSource source = new FeedSource("abc", "https://news.example/rss.xml", "Example", Duration.ofMinutes(10), false, now);
        SourceStatus status = new SourceStatus(now, now.plusSeconds(600), new ItemCounts(3, 2, 0, 1, 0),
                new ItemCounts(3, 2, 0, 1, 0), "https://news.example/x: HTTP 500", now);
        SourceRecord record = new SourceRecord(source, status, new PoliteFetcher.Validators("\"v1\"", "Mon, 17 Jun 2024 04:00:00 GMT"),
                Map.of("https://news.example/a", new SourceRecord.KnownItem("id-a", now, new PoliteFetcher.Validators("\"a\"", null))));
        new FileSourceStore(dataDir.resolve("sources.json")).save(record);

        FileSourceStore reopened = new FileSourceStore(dataDir.resolve("sources.json"));
        assertEquals(record, reopened.find("abc").orElseThrow());
        assertEquals(1, reopened.all().size());
        assertTrue(reopened.delete("abc"));
        assertFalse(new FileSourceStore(dataDir.resolve("sources.json")).find("abc").isPresent());
    }
}

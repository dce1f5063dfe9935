package herald.sources;

import herald.ingest.ArticleReader;
import herald.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's metadata is read from the page the bounded HTML path parsed, not from a second parse. */
class PageReaderTest {

    private static final URI PAGE = URI.create("https://www.news.example/world/2024/06/putin-vietnam?ref=rss");
    private static final String HTML = """
            <!doctype html><html><head><title>Putin in Hanoi | Example</title>
            <link rel="canonical" href="/world/putin-vietnam">
            <meta property="og:site_name" content="Example News">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Putin arrives in Hanoi",
              "datePublished":"2024-06-19T22:00:00+07:00","author":{"@type":"Person","name":"Minh Tran"},
              "articleSection":"World"}</script>
            </head><body><nav>Home World</nav>
            <article><h1>Putin in Hanoi</h1><p>Putin landed in Hanoi late on June 19 for a two-day visit.</p></article>
            <footer>Copyright</footer></body></html>""";

    @Test
    void metadataComesFromTheWholePageAsTheBoundedPathParsedIt() {
        ArticleReader.Inspected<PageReader.PageMetadata> page = ArticleReader.fromHtml(HTML, PAGE.toString(), Duration.ofSeconds(30),
                parsed -> PageReader.metadata(parsed, PAGE));
        PageReader.PageMetadata meta = page.inspected();
        assertEquals("Putin arrives in Hanoi", meta.title(), "from the JSON-LD script, which the reduction removes");
        assertEquals("https://www.news.example/world/putin-vietnam", meta.canonicalUrl(), "resolved against the page's URL");
        assertEquals("2024-06-19T22:00+07:00", meta.published().toString());
        assertEquals("Minh Tran", meta.author());
        assertEquals("World", meta.section());
        assertEquals("Example News", meta.siteName());

        String text = page.draft().text();
        assertTrue(text.contains("two-day visit"), text);
        assertFalse(text.contains("NewsArticle") || text.contains("Copyright") || text.contains("Home World"), text);
    }

    @Test
    void readingTheMetadataCountsAgainstThePagesTimeBudget() {
        // the inspection outlasts the whole budget, so the deadline has passed however fast the parse was
        assertThrows(UnprocessableArticleException.class, () -> ArticleReader.fromHtml(HTML, PAGE.toString(), Duration.ofMillis(50),
                parsed -> {
                    sleep(Duration.ofMillis(100));
                    return PageReader.metadata(parsed, PAGE);
                }));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package herald.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages and texts built to make reduction slow. The time limits here are guards an order of magnitude above
 * what the code needs (the figures are in docs/benchmarks.md), and far below what the quadratic code took.
 */
class HostilePagesTest {

    /** Unclosed divs, each with a paragraph: every element one level deeper than the last. */
    static String nestedDivs(int bytes) {
        return "<html><head><title>Deep</title></head><body><h1>Deep page</h1>" + "<div><p>w</p>".repeat(bytes / 13) + "</body></html>";
    }

    @Test
    void reducesSeventyKilobytesOfUnclosedDivsKeepingEveryParagraph() {
        String page = nestedDivs(72 * 1024);
        ArticleDraft draft = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ArticleReader.fromHtml(page, Duration.ofSeconds(20)));
        assertEquals("Deep page", draft.title());
        assertEquals(72 * 1024 / 13, draft.text().split("\n\n").length, "each paragraph's text is kept, however deep");
    }

    @Test
    void reducesAMegabyteOfUnclosedDivsWithoutARecursionOrQuadraticWalk() {
        String page = nestedDivs(1024 * 1024);
        ArticleDraft draft = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ArticleReader.fromHtml(page, Duration.ofSeconds(60)));
        assertTrue(draft.text().startsWith("w\n\nw"), draft.text().substring(0, 20));
    }

    @Test
    void givesUpOnAPageOverItsTimeBudget() {
        String page = nestedDivs(1024 * 1024);
        UnprocessableArticleException refused = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(UnprocessableArticleException.class, () -> ArticleReader.fromHtml(page, Duration.ofMillis(1))));
        assertTrue(refused.getMessage().contains("herald.ingest.max-parse-time"), refused.getMessage());
    }

    @Test
    void mendsHundredsOfThousandsOfBrokenLinesInLinearTime() {
        String text = "w\n".repeat(200_000);
        String cleaned = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ArticleCleaner.clean("Title", text));
        assertEquals(200_000 * 2 - 1, cleaned.length(), "one mended paragraph");
    }

    @Test
    void splitsSentencesOfARunOfAMillionDotsInLinearTime() {
        String text = "Start" + ".".repeat(1_000_000) + " Next sentence here.";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SentenceSplitter.split(text));
    }
}

package herald.ingest;

import herald.index.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No passage outgrows its bound, whatever the text: run-on sentences, giant words, control characters. */
class PassageBoundsTest {

    private final PassageSplitter splitter = new PassageSplitter(70, 1);

    @Test
    void cutsARunOnSentenceAtTheWordLimit() {
        String runOn = "word ".repeat(10_000);
        List<Passage> passages = splitter.split(runOn);
        assertEquals(10_000 / 70 + 1, passages.size());
        for (Passage p : passages) {
            assertTrue(PassageSplitter.wordCount(p.text()) <= 70, p.text());
        }
    }

    @Test
    void cutsAGiantWordAtTheCharacterLimit() {
        List<Passage> passages = splitter.split("x".repeat(100_000) + " and a short end.");
        for (Passage p : passages) {
            assertTrue(p.text().length() <= splitter.maxChars(), "passage of " + p.text().length() + " characters");
        }
        String joined = String.join("", passages.stream().map(Passage::text).toList()).replace(" ", "");
        assertEquals("x".repeat(100_000) + "andashortend.", joined, "nothing is lost but spaces");
    }

    @Test
    void keepsOrdinarySentencesWhole() {
        List<Passage> passages = splitter.split("Putin will travel to Vietnam on June 19-20. The Kremlin said so on Monday.");
        assertEquals(List.of("Putin will travel to Vietnam on June 19-20. The Kremlin said so on Monday."),
                passages.stream().map(Passage::text).toList());
    }

    @Test
    void titlesAndSourcesLoseControlAndBidiCharacters() {
        assertEquals("Evil title txt.exe", TextSanitizer.line("Evil\u0000 title\u202E txt.exe\u202C\n"));
        assertEquals("Line one\nLine two", TextSanitizer.text("Line one\u0007\nLine\u2066 two"));
        assertEquals("👨‍👩‍👧 family", TextSanitizer.line("👨‍👩‍👧 family"), "the zero-width joiner of emoji stays");
    }

    @Test
    void aTitleTakenFromTheFirstLineIsShortened() {
        ArticleDraft draft = ArticleReader.fromPlainText("word ".repeat(200) + "\nThe body.");
        assertTrue(draft.title().length() <= ArticleReader.MAX_TITLE_CHARS, draft.title().length() + " characters");
        assertTrue(draft.title().endsWith("…"), draft.title());
    }
}

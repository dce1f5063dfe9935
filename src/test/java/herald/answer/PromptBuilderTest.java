package herald.answer;

import herald.config.HeraldConfig;
import herald.index.IndexedPassage;
import herald.retrieval.RetrievedPassage;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean prompt: today's date, each article's title and date once, adjacent passages merged, citations exact. */
class PromptBuilderTest {

    private static final Clock NOV_29_2026 = Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC);
    private static final String TITLE = "Putin to Visit North Korea and Vietnam starting Tomorrow";

    private static PromptBuilder builder(Clock clock) {
        // the settings' defaults, as a fresh install has them
        SmallRyeConfig smallRye = new SmallRyeConfigBuilder().withMapping(HeraldConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter()).build();
        HeraldConfig config = smallRye.getConfigMapping(HeraldConfig.class);
        return new PromptBuilder(new PromptLibrary(config), config, clock);
    }

    private static RetrievedPassage passage(String documentId, int ordinal, String title, String text, double score) {
        return new RetrievedPassage(new IndexedPassage(documentId, ordinal, title, "NewsTrack", LocalDate.of(2024, 6, 17), text), score, 0.8);
    }

    @Test
    void statesTodaysDateFromTheClock() {
        PromptBuilder.Prompt prompt = builder(NOV_29_2026).build("When does Putin visit Vietnam?",
                List.of(passage("a", 0, TITLE, "Putin will travel to Vietnam on June 19-20.", 1)), List.of());
        assertTrue(prompt.user().contains("Today is Sunday 29 November 2026."), prompt.user());
        PromptBuilder.Prompt later = builder(Clock.offset(NOV_29_2026, java.time.Duration.ofDays(3))).build("When does Putin visit Vietnam?",
                List.of(passage("a", 0, TITLE, "Putin will travel to Vietnam on June 19-20.", 1)), List.of());
        assertTrue(later.user().contains("Today is Wednesday 2 December 2026."), later.user());
        assertTrue(prompt.system().contains("past tense") && prompt.system().contains("As of 17 June 2024"), prompt.system());
    }

    @Test
    void anUpdatedArticleShowsItsUpdateDateBesideItsPublicationDate() {
        IndexedPassage updated = new IndexedPassage("a", 0, TITLE, "NewsTrack", LocalDate.of(2024, 6, 17),
                "Putin will travel to Vietnam on June 19-20.", "https://news.example/putin", Instant.parse("2024-06-18T07:30:00Z"));
        IndexedPassage sameDay = new IndexedPassage("b", 0, "Putin and Kim Sign Mutual Defence Pact", "NewsTrack", LocalDate.of(2024, 6, 19),
                "Putin and Kim signed a treaty.", "https://news.example/pact", Instant.parse("2024-06-19T18:00:00Z"));
        PromptBuilder.Prompt prompt = builder(NOV_29_2026).build("When does Putin visit Vietnam?",
                List.of(new RetrievedPassage(updated, 0.9, 0.8), new RetrievedPassage(sameDay, 0.8, 0.7)), List.of());
        assertTrue(prompt.user().contains(TITLE + " (NewsTrack, 17 June 2024, updated 18 June 2024)\n"), prompt.user());
        // changed on the day it was published: the publication date says it all
        assertTrue(prompt.user().contains("Putin and Kim Sign Mutual Defence Pact (NewsTrack, 19 June 2024)\n"), prompt.user());
        assertTrue(prompt.system().contains("If they conflict, newer leads; say so."), prompt.system());
    }

    @Test
    void mergesAdjacentPassagesOfAnArticleAndGivesItsTitleAndDateOnce() {
        List<RetrievedPassage> retrieved = List.of(
                passage("a", 2, TITLE, "The Kremlin confirmed it. Putin will travel to Vietnam on June 19-20.", 0.9),
                passage("b", 0, "Putin and Kim Sign Mutual Defence Pact", "Putin and Kim signed a treaty.", 0.8),
                passage("a", 1, TITLE, "Putin visits North Korea on June 18-19. The Kremlin confirmed it.", 0.7),
                passage("a", 5, TITLE, "Vietnam's foreign ministry did not respond.", 0.6));
        PromptBuilder.Prompt prompt = builder(NOV_29_2026).build("When does Putin visit Vietnam?", retrieved, List.of());

        assertEquals(1, count(prompt.user(), TITLE), prompt.user());
        assertEquals(1, count(prompt.user(), TITLE + " (NewsTrack, 17 June 2024)\n"), prompt.user());
        assertEquals(1, count(prompt.user(), "The Kremlin confirmed it."), "the overlapping sentence is sent once: " + prompt.user());
        assertEquals(3, prompt.sources().size(), prompt.user());
        // [1] is passages 1 and 2 of article a, in reading order; [2] its passage 5; [3] article b
        assertEquals("Putin visits North Korea on June 18-19. The Kremlin confirmed it. Putin will travel to Vietnam on June 19-20.",
                prompt.sources().get(0).text());
        assertEquals("a", prompt.sources().get(1).documentId());
        assertEquals("b", prompt.sources().get(2).documentId());
        for (int n = 1; n <= prompt.sources().size(); n++) {
            assertEquals(prompt.sources().get(n - 1).text(), numbered(prompt.user(), n), "source " + n + " is what [" + n + "] shows");
        }
    }

    @Test
    void capsPassageTextButAlwaysKeepsTheBestPassage() {
        String longText = "Putin will travel to Vietnam on June 19-20. " + "Filler sentence about nothing much at all. ".repeat(40);
        List<RetrievedPassage> retrieved = List.of(
                passage("a", 0, TITLE, longText.strip(), 0.9),
                passage("b", 0, "Another article", "Something else entirely.", 0.5));
        PromptBuilder.Prompt prompt = builder(NOV_29_2026).build("When does Putin visit Vietnam?", retrieved, List.of());
        assertEquals(1, prompt.sources().size(), "the second passage does not fit the cap");
        assertTrue(prompt.user().contains("June 19-20"), prompt.user());
    }

    private static int count(String text, String piece) {
        int n = 0;
        for (int i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
            n++;
        }
        return n;
    }

    private static String numbered(String prompt, int n) {
        Matcher m = Pattern.compile("(?m)^\\[" + n + "\\] (.*)$").matcher(prompt);
        return m.find() ? m.group(1) : null;
    }
}

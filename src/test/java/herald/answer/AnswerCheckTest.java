package herald.answer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer check on stub LLM replies: what passes untouched, what is cut, what is replaced. */
class AnswerCheckTest {

    private static final Clock NOV_29_2026 = Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate JUNE_17 = LocalDate.of(2024, 6, 17);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AnswerCheck check = new AnswerCheck(NOV_29_2026, metrics);

    private static Source source(String text) {
        return new Source("a", "Putin to Visit North Korea and Vietnam starting Tomorrow", "NewsTrack", JUNE_17, text, 0.9);
    }

    private static final List<Source> FIVE = List.of(
            source("Following his visit to North Korea, Putin will travel to Vietnam on June 19-20, according to the Kremlin."),
            source("Putin's two-day visit to North Korea, scheduled for June 18-19, marks an unusual trip."),
            source("Putin is expected to meet with Vietnam's new president, To Lam, during his two-day visit to Hanoi on Wednesday and Thursday."),
            source("The United States, which last year upgraded its relations with Hanoi, reacted strongly."),
            source("Vietnam's foreign ministry did not respond to a request for comment."));

    @Test
    void aSupportedAnswerPassesUntouched() {
        String answer = "As of 17 June 2024, Putin was due in Vietnam on June 19-20 [1], where he was to meet President To Lam [3].";
        AnswerCheck.Checked checked = check.check(answer, FIVE);
        assertEquals(AnswerCheck.Verdict.SUPPORTED, checked.verdict());
        assertEquals(answer, checked.text());
    }

    @Test
    void removesACitationOfASourceThatDoesNotExist() {
        AnswerCheck.Checked checked = check.check("Putin travels to Vietnam on June 19-20 [1][7]. The US reacted strongly [7].", FIVE);
        assertEquals("Putin travels to Vietnam on June 19-20 [1]. The US reacted strongly.", checked.text());
        assertEquals("Putin met To Lam [3].", AnswerCheck.dropUnknownCitations("Putin met To Lam [3, 7].", 5));
    }

    @Test
    void anInventedDateMakesTheAnswerUnsupported() {
        AnswerCheck.Checked checked = check.check("Putin will visit Vietnam on July 4-5 [1].", FIVE);
        assertEquals(AnswerCheck.Verdict.UNSUPPORTED, checked.verdict());
        assertEquals(List.of("Putin will visit Vietnam on July 4-5 [1]."), checked.removed());
    }

    @Test
    void dropsTheUnsupportedSentenceOfAMixedAnswerAndSaysSo() {
        AnswerCheck.Checked checked = check.check(
                "Putin will travel to Vietnam on June 19-20 [1]. He will sign 25 agreements with Macron [3].", FIVE);
        assertEquals(AnswerCheck.Verdict.PARTLY_SUPPORTED, checked.verdict());
        assertEquals("Putin will travel to Vietnam on June 19-20 [1]. " + AnswerCheck.REMOVED_NOTE, checked.text());
        assertEquals(List.of("He will sign 25 agreements with Macron [3]."), checked.removed());
    }

    @Test
    void aDateInAnotherFormIsStillSupported() {
        for (String answer : List.of("Putin visits Vietnam on 19–20 June [1].", "Putin visits Vietnam on 19 and 20 June 2024 [1].",
                "Putin visits Vietnam from June 19 to June 20 [1].", "Putin arrives in North Korea tomorrow, 18 June [2].",
                "Putin meets To Lam on Wednesday, 19 June [3].")) {
            assertEquals(AnswerCheck.Verdict.SUPPORTED, check.check(answer, FIVE).verdict(), answer);
        }
        // the date must be in the passage the sentence cites, not just anywhere
        assertEquals(AnswerCheck.Verdict.UNSUPPORTED, check.check("Putin visits North Korea on June 19-20 [5].", FIVE).verdict());
    }

    @Test
    void countsTheShareOfAnswersWithUnsupportedParts() {
        check.check("Putin will travel to Vietnam on June 19-20 [1].", FIVE);
        check.check("Putin will visit Vietnam on July 4-5 [1].", FIVE);
        assertEquals(0.5, metrics.get("herald.answer.unsupported.share").gauge().value(), 1e-9);
    }

    @Test
    void aRefusalStatesNothingAndPasses() {
        AnswerCheck.Checked checked = check.check("The ingested articles do not say.", FIVE);
        assertEquals(AnswerCheck.Verdict.SUPPORTED, checked.verdict());
        assertFalse(checked.text().contains("removed"));
        assertTrue(AnswerCheck.claims("The ingested articles do not say.").isEmpty());
    }
}

package herald.retrieval;

import herald.index.PassageFilter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each time word's window, asked on Wednesday 26 June 2024. */
class TimeWordsTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 6, 26);

    private static PassageFilter window(String question) {
        return TimeWords.of(question, WEDNESDAY).window();
    }

    private static PassageFilter days(String from, String to) {
        return PassageFilter.publishedBetween(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void todayAndYesterdayAreSingleDays() {
        assertEquals(days("2024-06-26", "2024-06-26"), window("What happened in Hanoi today?"));
        assertEquals(days("2024-06-25", "2024-06-25"), window("What did Putin say yesterday?"));
        assertEquals("from yesterday", TimeWords.of("What did Putin say yesterday?", WEDNESDAY).windowLabel());
    }

    @Test
    void weeksStartOnMonday() {
        assertEquals(days("2024-06-24", "2024-06-26"), window("Any news this week?"));
        assertEquals(days("2024-06-17", "2024-06-23"), window("What happened in Vietnam last week?"));
        assertEquals(days("2024-06-20", "2024-06-26"), window("What happened over the past week?"));
    }

    @Test
    void monthsAndYearsAreCalendarMonthsAndYears() {
        assertEquals(days("2024-06-01", "2024-06-26"), window("What happened this month?"));
        assertEquals(days("2024-05-01", "2024-05-31"), window("Where did Putin go last month?"));
        assertEquals(days("2023-01-01", "2023-12-31"), window("What happened last year?"));
        assertEquals(days("2024-06-01", "2024-06-30"), window("What did Putin do in June 2024?"));
        assertEquals(days("2024-05-01", "2024-05-31"), window("What did Putin do in May?"));
        assertEquals(days("2023-09-01", "2023-09-30"), window("What happened in September?"), "the latest September");
        assertEquals(days("2023-01-01", "2023-12-31"), window("What happened in 2023?"));
    }

    @Test
    void aNamedPeriodAlsoLooksAtLaterReportsOfIt() {
        assertEquals(days("2022-01-01", "2024-06-26"),
                TimeWords.of("What was the value of China-Vietnam trade in 2022?", WEDNESDAY).laterWindow());
        assertEquals(days("2023-09-01", "2024-06-26"), TimeWords.of("Where did they meet in September 2023?", WEDNESDAY).laterWindow());
        assertNull(TimeWords.of("What happened in Vietnam last week?", WEDNESDAY).laterWindow(), "news windows stay strict");
    }

    @Test
    void currentAfterAPossessiveNamesAThingRatherThanAskingForTheLatest() {
        assertFalse(TimeWords.of("When did Putin's current term begin?", WEDNESDAY).prefersRecent());
        assertFalse(TimeWords.of("When did his current term begin?", WEDNESDAY).prefersRecent());
        assertTrue(TimeWords.of("Who is the current president of Vietnam?", WEDNESDAY).prefersRecent());
        assertTrue(TimeWords.of("What is the latest on Putin's trips abroad?", WEDNESDAY).prefersRecent());
    }

    @Test
    void sinceRunsToToday() {
        assertEquals(days("2024-05-01", "2024-06-26"), window("What has Putin done since May?"));
        assertEquals(days("2024-06-17", "2024-06-26"), window("What happened since 17 June 2024?"));
        assertEquals(days("2024-06-17", "2024-06-26"), window("What happened since June 17?"));
        assertEquals("since 1 May 2024", TimeWords.of("What has Putin done since May?", WEDNESDAY).windowLabel());
        assertEquals(days("2024-06-24", "2024-06-26"), window("Anything in the past 3 days?"));
    }

    @Test
    void theWindowPhraseIsLeftOutOfTheSearchText() {
        assertEquals("What happened in Vietnam?", TimeWords.of("What happened in Vietnam last week?", WEDNESDAY).searchText());
    }

    @Test
    void recencyWordsPreferNewerWithoutAWindow() {
        for (String q : new String[]{"What is the latest on Putin's trips abroad?", "Where is Putin now?",
                "What is the current state of the talks?", "Any recent news on Vietnam?"}) {
            TimeWords time = TimeWords.of(q, WEDNESDAY);
            assertTrue(time.prefersRecent(), q);
            assertNull(time.window(), q);
        }
        assertFalse(TimeWords.of("When does Putin visit Vietnam?", WEDNESDAY).prefersRecent());
        assertNull(window("When does Putin visit Vietnam?"));
        assertNull(window("Is the new metro line known to residents?"), "'now' inside 'known' is not a time word");
    }
}

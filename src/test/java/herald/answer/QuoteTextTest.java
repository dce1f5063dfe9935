package herald.answer;

import herald.index.IndexedPassage;
import herald.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuoteTextTest {

    private static final LocalDate MONDAY = LocalDate.of(2023, 12, 11);

    private static RetrievedPassage passage(String text, LocalDate published) {
        return new RetrievedPassage(new IndexedPassage("xi", 0, "Xi to visit Vietnam", "Wire", published, text), 0.9, 0.8);
    }

    @Test
    void aQuotedTomorrowIsGivenItsDate() {
        String sentence = "Chinese President Xi Jinping will arrive in Hanoi tomorrow for a two-day state visit, "
                + "the foreign ministries of both countries announced on Monday.";
        String quote = QuoteText.of(List.of(new ScoredSentence(sentence, 1, 0, 1, 0.8)), List.of(passage(sentence, MONDAY)));
        assertEquals("“" + sentence + "” [1] (published Monday 11 December 2023; “tomorrow” is Tuesday 12 December 2023)", quote);
    }

    @Test
    void aWeekdayIsTheLastOneBeforePublicationInThePastTenseAndTheNextOneInTheFuture() {
        assertEquals(Optional.of(new QuoteText.RelativeDay("Sunday", LocalDate.of(2023, 12, 10))),
                QuoteText.relativeDay("Biden arrived in Hanoi on Sunday afternoon.", MONDAY));
        assertEquals(Optional.of(new QuoteText.RelativeDay("Sunday", LocalDate.of(2023, 12, 17))),
                QuoteText.relativeDay("Biden will arrive in Hanoi on Sunday afternoon.", MONDAY));
        assertEquals(Optional.of(new QuoteText.RelativeDay("yesterday", LocalDate.of(2023, 12, 10))),
                QuoteText.relativeDay("The talks ended yesterday.", MONDAY));
    }

    @Test
    void thePublicationDayItselfAndQuotesNamingSeveralDaysAreLeftAsTheyAre() {
        assertEquals(Optional.empty(), QuoteText.relativeDay("The Kremlin said on Monday that talks went well today.", MONDAY));
        assertEquals(Optional.empty(), QuoteText.relativeDay("He will be in Hanoi on Wednesday and Thursday.", MONDAY));
        assertEquals(Optional.empty(), QuoteText.relativeDay("He will travel to Vietnam on June 19-20.", MONDAY));
        String sentence = "He will travel to Vietnam on June 19-20.";
        assertEquals("“" + sentence + "” [1] (published Monday 11 December 2023)",
                QuoteText.of(List.of(new ScoredSentence(sentence, 1, 0, 1, 0.8)), List.of(passage(sentence, MONDAY))));
    }
}

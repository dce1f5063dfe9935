package herald.answer;

import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How a retrieval-only answer is written: the chosen sentences quoted with citations and dates, or an empty time window. */
final class QuoteText {

    private static final DateTimeFormatter PUBLICATION_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private QuoteText() {
    }

    /** The chosen sentences quoted in reading order, each with its citation and its article's date. */
    static String of(List<ScoredSentence> chosen, List<RetrievedPassage> passages) {
        List<ScoredSentence> ordered = new ArrayList<>(chosen);
        // quote in reading order: citation first, then position in the passage
        ordered.sort(Comparator.comparingInt(ScoredSentence::citation).thenComparingInt(ScoredSentence::position));
        StringBuilder text = new StringBuilder();
        for (ScoredSentence c : ordered) {
            text.append(text.length() == 0 ? "" : " ").append('“').append(c.sentence()).append("” [").append(c.citation()).append(']');
            LocalDate published = passages.get(c.citation() - 1).passage().publishedAt();
            int next = ordered.indexOf(c) + 1;
            boolean sameArticleNext = next < ordered.size() && ordered.get(next).citation() == c.citation();
            if (published != null && !sameArticleNext) {
                // every quote carries its article's date: "will travel" or "tomorrow" read differently a year on
                text.append(" (published ").append(formatDay(published)).append(')');
            }
        }
        return text.toString();
    }

    /** The time window holds nothing relevant: say so, and name the newest relevant article outside it, cited [1]. */
    static String nothingInWindow(HybridRetriever.Retrieval retrieval) {
        RetrievedPassage newest = retrieval.newestRelevant();
        return "The articles say nothing " + retrieval.time().windowLabel()
                + (newest == null ? "." : "; the newest on this is from " + formatDay(newest.passage().publishedAt()) + " [1].");
    }

    /** A day as quotes and answers write it: "Monday 17 June 2024". */
    static String formatDay(LocalDate day) {
        return PUBLICATION_DATE.format(day);
    }
}

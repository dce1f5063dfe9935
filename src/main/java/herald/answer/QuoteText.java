package herald.answer;

import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a retrieval-only answer is written: the chosen sentences quoted with citations and dates, or an empty time window. */
final class QuoteText {

    /** The days of the week as patterns alternate them, lower case. */
    static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    /** A word naming a day by its distance from the article's: "tomorrow", "on Sunday". */
    static final Pattern RELATIVE_DAY = Pattern.compile("(?i)\\b(today|tonight|tomorrow|yesterday|" + WEEKDAYS + ")\\b");
    /** The sentence speaks of what is still to come: a weekday it names is the next one. */
    private static final Pattern FUTURE = Pattern.compile("(?i)\\b(will|shall|(is|are) (set|due|expected|scheduled|to)\\b|plans? to|upcoming|next)\\b");
    private static final DateTimeFormatter PUBLICATION_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private QuoteText() {
    }

    /** The chosen sentences quoted in reading order, each with its citation and its article's date. */
    static String of(List<ScoredSentence> chosen, List<RetrievedPassage> passages) {
        List<ScoredSentence> ordered = new ArrayList<>(chosen);
        // quote in reading order: citation first, then position in the passage
        ordered.sort(Comparator.comparingInt(ScoredSentence::citation).thenComparingInt(ScoredSentence::position));
        StringBuilder text = new StringBuilder();
        StringBuilder articleText = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            ScoredSentence c = ordered.get(i);
            text.append(text.length() == 0 ? "" : " ").append('“').append(c.sentence()).append("” [").append(c.citation()).append(']');
            articleText.append(' ').append(c.sentence());
            boolean sameArticleNext = i + 1 < ordered.size() && ordered.get(i + 1).citation() == c.citation();
            if (sameArticleNext) {
                continue;
            }
            LocalDate published = passages.get(c.citation() - 1).passage().publishedAt();
            if (published != null) {
                // every quote carries its article's date: "will travel" or "tomorrow" read differently a year on,
                // and says which day its "tomorrow" or "on Sunday" was, which a reader should not have to count
                text.append(" (published ").append(formatDay(published));
                relativeDay(articleText.toString(), published).ifPresent(day ->
                        text.append("; “").append(day.word()).append("” is ").append(formatDay(day.date())));
                text.append(')');
            }
            articleText.setLength(0);
        }
        return text.toString();
    }

    /** A word of the quote that names a day relative to the article's ("tomorrow"), and the day it names. */
    record RelativeDay(String word, LocalDate date) {
    }

    /**
     * The day the quote's one relative day word stands for, counted from its article's publication: "tomorrow",
     * "today", "yesterday", or a weekday, the next one after publication when the sentence speaks of the future
     * ("will arrive on Sunday"), else the last one before it ("arrived on Sunday"). The publication day itself
     * ("today", its weekday) is passed over, as the quote already gives it; empty when none or several others remain.
     */
    static Optional<RelativeDay> relativeDay(String quote, LocalDate published) {
        Matcher m = RELATIVE_DAY.matcher(quote);
        Set<String> words = new LinkedHashSet<>();
        String written = null;
        String publicationDay = published.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            // "today" or the publication's own weekday ("announced on Monday" in Monday's paper): the quote gives that day
            if (word.equals("today") || word.equals("tonight") || word.equals(publicationDay)) {
                continue;
            }
            if (words.add(word) && written == null) {
                written = m.group(1);
            }
        }
        if (words.size() != 1) {
            return Optional.empty();
        }
        String word = words.iterator().next();
        LocalDate day = switch (word) {
            case "tomorrow" -> published.plusDays(1);
            case "yesterday" -> published.minusDays(1);
            default -> {
                DayOfWeek weekday = DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
                yield FUTURE.matcher(quote).find()
                        ? published.with(TemporalAdjusters.next(weekday))
                        : published.with(TemporalAdjusters.previous(weekday));
            }
        };
        return Optional.of(new RelativeDay(written, day));
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

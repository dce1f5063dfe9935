package herald.answer;

import herald.retrieval.MonthNames;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of thing a question asks for, judged from its first words, and how well a sentence supplies
 * it: a date for "when" (near the question's words, on the side of the publication date asked about), a
 * count for "how many", an explanation for "why", a name for "who".
 */
enum AnswerType {
    DATE, NUMBER, REASON, PERSON, ANY;

    private static final String MONTHS = MonthNames.FULL_OR_ABBREVIATED;

    private static final Pattern DATE_WORDS = Pattern.compile("(?i)\\b(" + MONTHS
            + "|" + QuoteText.WEEKDAYS + "|today|tomorrow|yesterday|tonight"
            + "|(19|20)\\d\\d|ago|last (week|month|year|spring|summer|autumn|fall|winter)"
            + "|next (week|month|year)|this (week|month|year|weekend)|weekend|morning|evening)\\b");

    private static final Pattern NUMBER_WORDS = Pattern.compile("\\d|(?i)\\b(one|two|three|four|five|six|seven|eight|nine|ten|"
            + "dozen|hundred|thousand|million|billion|several)\\b");

    /** A date a "when" question can be answered with: a day of a month, a year, a weekday. */
    private static final Pattern EXACT_DATE = Pattern.compile("(?i)\\b((" + MONTHS + ")\\.? \\d{1,2}|\\d{1,2} (" + MONTHS
            + ")|(19|20)\\d\\d|" + QuoteText.WEEKDAYS + "|today|tomorrow|yesterday)\\b");

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        if (q.matches("^(and )?(when|what (date|day|time|year|month)|what (are|were|is|was) the (dates?|days?)\\b|since when|how long ago|on what (date|day)).*")) {
            return DATE;
        }
        if (q.matches("^(and )?how (many|much).*")) {
            return NUMBER;
        }
        if (q.matches("^(and )?(why|for what reason|what (was|is) the reason).*")) {
            return REASON;
        }
        if (q.matches("^(and )?(who|whom|which (leader|official|minister|president|person|people)).*")) {
            return PERSON;
        }
        return ANY;
    }

    /**
     * A bonus for a sentence holding what is asked for, a penalty for one that cannot answer it. For a
     * date: more when it stands near the question's words (the answer sits beside what it answers)
     * and when it lies on the side of the publication date the question asks about ("was" / "will").
     */
    double fit(String sentence, List<Integer> questionTermPositions, LocalDate published, Tense asked) {
        return switch (this) {
            case DATE -> dateFit(sentence, questionTermPositions, published, asked);
            case NUMBER -> numberFit(sentence, questionTermPositions);
            case PERSON -> 0;
            case REASON -> givesReason(sentence) ? 0.15 : 0;
            case ANY -> 0;
        };
    }

    /** A count stands right before or after what it counts ("205 business leaders"). */
    private static double numberFit(String sentence, List<Integer> questionTermPositions) {
        Matcher number = NUMBER_WORDS.matcher(sentence);
        double best = -0.1;
        while (number.find()) {
            int at = wordIndex(sentence, number.start());
            boolean near = questionTermPositions.stream().anyMatch(p -> Math.abs(p - at) <= 2);
            best = Math.max(best, near ? 0.15 : 0.03);
        }
        return best;
    }

    private static double dateFit(String sentence, List<Integer> questionTermPositions, LocalDate published, Tense asked) {
        Matcher exact = EXACT_DATE.matcher(sentence);
        double best = DATE_WORDS.matcher(sentence).find() ? 0.03 : -0.1;
        while (exact.find()) {
            int at = wordIndex(sentence, exact.start());
            boolean near = questionTermPositions.stream().anyMatch(p -> Math.abs(p - at) <= DATE_PROXIMITY_WORDS);
            boolean calendar = CALENDAR_DATE.matcher(exact.group()).matches()
                    || MONTH_BEFORE.matcher(sentence.substring(0, exact.start())).find();
            double fit = (near ? 0.15 : 0.05) + (calendar ? CALENDAR_DATE_BONUS : 0);
            Tense tense = tenseOf(exact.group(), sentence, published);
            if (asked != Tense.UNKNOWN && tense != Tense.UNKNOWN) {
                fit += asked == tense ? 0.15 : -0.1;
            }
            best = Math.max(best, fit);
        }
        return best;
    }

    /** Which side of the article's publication date a question or a date lies on. */
    enum Tense {
        PAST, FUTURE, UNKNOWN
    }

    private static final Pattern PAST_QUESTION = Pattern.compile("(?i)\\b(was|were|did|had|previous|previously|last|ago|earlier|before|first)\\b");
    private static final Pattern FUTURE_QUESTION = Pattern.compile("(?i)\\b(will|going to|next|upcoming|plans?|planned|scheduled|does|is|are)\\b");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)(" + MONTHS + ")\\.? (\\d{1,2})");
    /** Explanations in news prose: causal words, or someone's own words quoted. */
    private static final Pattern REASON_WORDS = Pattern.compile("(?i)\\b(because|due to|owing to|in order to|so as to|aimed at|in protest|as a result|citing)\\b");
    private static final Pattern REPORTED_SPEECH = Pattern.compile("[\"“][^\"”]{15,}[\"”]");
    /** "June 19", "19 June" or "October 2023": what a reader asking "when" wants, more than "tomorrow" or "on Sunday" of a past article. */
    private static final Pattern CALENDAR_DATE = Pattern.compile("(?i)(" + MONTHS + ")\\.? \\d{1,2}|\\d{1,2} (" + MONTHS + ")");
    /** A month right before a year: "October 2023" is a calendar date too. */
    private static final Pattern MONTH_BEFORE = Pattern.compile("(?i)\\b(" + MONTHS + ")\\.? $");
    private static final double CALENDAR_DATE_BONUS = 0.1;
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?i)\\b(midnight|noon|\\d{1,2}(:\\d\\d)? ?[ap]\\.?m\\.?)(?!\\w)");
    /** How far, in words, a date may stand from the question's words to count as its answer. */
    private static final int DATE_PROXIMITY_WORDS = 5;

    /** The side of the publication date each exact date of the sentence lies on ("June 19-20" after 17 June: future). */
    static List<Tense> dateTenses(String sentence, LocalDate published) {
        List<Tense> tenses = new java.util.ArrayList<>();
        Matcher exact = EXACT_DATE.matcher(sentence);
        while (exact.find()) {
            tenses.add(tenseOf(exact.group(), sentence, published));
        }
        return tenses;
    }

    /** Whether the sentence holds a date a "when" question can be answered with, or a time of day. */
    static boolean holdsExactDate(String sentence) {
        return EXACT_DATE.matcher(sentence).find() || TIME_OF_DAY.matcher(sentence).find();
    }

    /** Whether the sentence gives an explanation: a causal word ("because", "citing") or someone's own words quoted. */
    static boolean givesReason(String sentence) {
        return REASON_WORDS.matcher(sentence).find() || REPORTED_SPEECH.matcher(sentence).find();
    }

    /** Where in the sentence (character offsets) each date a "when" question can be answered with, or time of day, starts. */
    static List<Integer> exactDateStarts(String sentence) {
        List<Integer> starts = new java.util.ArrayList<>();
        for (Pattern p : List.of(EXACT_DATE, TIME_OF_DAY)) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                starts.add(m.start());
            }
        }
        return starts;
    }

    static Tense tense(String question) {
        if (PAST_QUESTION.matcher(question).find()) {
            return Tense.PAST;
        }
        return FUTURE_QUESTION.matcher(question).find() ? Tense.FUTURE : Tense.UNKNOWN;
    }

    private static Tense tenseOf(String date, String sentence, LocalDate published) {
        if (published == null) {
            return Tense.UNKNOWN;
        }
        Matcher year = YEAR.matcher(date);
        if (year.find()) {
            int y = Integer.parseInt(year.group());
            return y < published.getYear() ? Tense.PAST : y > published.getYear() ? Tense.FUTURE : Tense.UNKNOWN;
        }
        String d = date.toLowerCase(Locale.ROOT);
        if (d.equals("yesterday")) {
            return Tense.PAST;
        }
        if (d.equals("tomorrow")) {
            return Tense.FUTURE;
        }
        Matcher md = MONTH_DAY.matcher(date);
        if (md.find()) {
            try {
                java.time.Month month = MonthNames.parse(md.group(1));
                LocalDate when = LocalDate.of(published.getYear(), month, Math.min(28, Integer.parseInt(md.group(2))));
                // a month-day without a year is this year's: before publication it has happened
                return when.isBefore(published) ? Tense.PAST : Tense.FUTURE;
            } catch (RuntimeException e) {
                return Tense.UNKNOWN;
            }
        }
        return Tense.UNKNOWN;
    }

    private static int wordIndex(String sentence, int charIndex) {
        return sentence.substring(0, charIndex).split("\\s+").length;
    }
}

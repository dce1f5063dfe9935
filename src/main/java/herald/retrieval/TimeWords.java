package herald.retrieval;

import herald.index.PassageFilter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question says about time. A window ("today", "yesterday", "this week", "last week", "this month",
 * "last month", "this year", "last year", "in June 2024", "in June", "in 2024", "since May", "since 3 June 2024",
 * "in the past 3 days") limits the articles to those published within it; a recency word ("latest", "newest",
 * "now", "current", "currently", "recent", "recently") prefers newer articles among the relevant ones. Weeks
 * start on Monday; a month without a year is its latest occurrence up to today.
 * <p>A named calendar period ("in May 2024", "in 2022") also has a later window, from the period's start to today:
 * when nothing relevant was published within the period, a later article may still report it (a 2023 article
 * gives 2022's trade figures), so retrieval looks there before saying the period holds nothing. News windows
 * ("last week") have none: a reader asking for last week's news wants last week's articles. "Current" after a
 * possessive ("Putin's current term") names a thing rather than asking for the latest news, so it is no recency word.
 *
 * @param searchText    the question without its window phrase, for ranking by words and meaning
 * @param window        the publication window, or null when the question names none
 * @param windowLabel   the window as a reader says it ("from last week", "since 1 May 2026"), or null
 * @param prefersRecent true when the question asks for the latest
 * @param laterWindow   for a named calendar period: from its start to today, where later reports of it are; else null
 */
public record TimeWords(String searchText, PassageFilter window, String windowLabel, boolean prefersRecent,
                        PassageFilter laterWindow) {

    private static final String MONTHS = MonthNames.FULL_OR_ABBREVIATED;
    private static final Pattern RECENT = Pattern.compile(
            "(?i)(?<!'s )(?<!\\b(?:his|her|its|their|our|your|my) )\\b(latest|newest|now|current|currently|recent|recently|most recent)\\b");
    private static final Pattern TODAY = Pattern.compile("(?i)\\btoday(?:'s)?\\b");
    private static final Pattern YESTERDAY = Pattern.compile("(?i)\\byesterday(?:'s)?\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(this|last|past) (week|month|year)\\b");
    private static final Pattern PAST_DAYS = Pattern.compile("(?i)\\b(?:in )?(?:the )?(?:past|last) (\\d{1,3}) days\\b");
    private static final Pattern SINCE_DAY = Pattern.compile("(?i)\\bsince (?:(\\d{1,2}) (" + MONTHS + ")|(" + MONTHS + ") (\\d{1,2})(?:st|nd|rd|th)?,?)(?: (\\d{4}))?\\b");
    private static final Pattern SINCE_MONTH = Pattern.compile("(?i)\\bsince (" + MONTHS + ")(?: (\\d{4}))?\\b");
    private static final Pattern SINCE_YEAR = Pattern.compile("(?i)\\bsince (\\d{4})\\b");
    private static final Pattern IN_MONTH = Pattern.compile("(?i)\\b(?:in|during) (" + MONTHS + ")(?: (?:of )?(\\d{4}))?\\b");
    private static final Pattern IN_YEAR = Pattern.compile("(?i)\\b(?:in|during) (\\d{4})\\b");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** Reads the question's time words, taking {@code today} as the day it is asked. */
    public static TimeWords of(String question, LocalDate today) {
        boolean recent = RECENT.matcher(question).find();
        Matcher m;
        if ((m = TODAY.matcher(question)).find()) {
            return window(question, m, today, today, "from today", recent);
        }
        if ((m = YESTERDAY.matcher(question)).find()) {
            return window(question, m, today.minusDays(1), today.minusDays(1), "from yesterday", recent);
        }
        if ((m = PAST_DAYS.matcher(question)).find()) {
            int days = Math.max(1, Integer.parseInt(m.group(1)));
            return window(question, m, today.minusDays(days - 1L), today, "from the past " + days + " days", recent);
        }
        if ((m = RELATIVE.matcher(question)).find()) {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            String label = "from " + which + " " + unit;
            return switch (unit) {
                case "week" -> switch (which) {
                    case "this" -> window(question, m, today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today, label, recent);
                    case "past" -> window(question, m, today.minusDays(6), today, label, recent);
                    default -> {
                        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                        yield window(question, m, monday, monday.plusDays(6), label, recent);
                    }
                };
                case "month" -> switch (which) {
                    case "this" -> window(question, m, today.withDayOfMonth(1), today, label, recent);
                    case "past" -> window(question, m, today.minusMonths(1).plusDays(1), today, label, recent);
                    default -> {
                        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                        yield window(question, m, first, first.with(TemporalAdjusters.lastDayOfMonth()), label, recent);
                    }
                };
                default -> switch (which) {
                    case "this" -> window(question, m, today.withDayOfYear(1), today, label, recent);
                    case "past" -> window(question, m, today.minusYears(1).plusDays(1), today, label, recent);
                    default -> window(question, m, today.withDayOfYear(1).minusYears(1),
                            today.withDayOfYear(1).minusDays(1), label, recent);
                };
            };
        }
        if ((m = SINCE_DAY.matcher(question)).find()) {
            Month month = MonthNames.parse(m.group(2) != null ? m.group(2) : m.group(3));
            int day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            if (day >= 1 && day <= month.maxLength()) {
                LocalDate from = m.group(5) != null
                        ? java.time.YearMonth.of(Integer.parseInt(m.group(5)), month).atDay(Math.min(day, java.time.YearMonth.of(Integer.parseInt(m.group(5)), month).lengthOfMonth()))
                        : latest(today, month, day);
                return since(question, m, from, today, recent);
            }
        }
        if ((m = SINCE_MONTH.matcher(question)).find()) {
            Month month = MonthNames.parse(m.group(1));
            LocalDate from = m.group(2) != null ? LocalDate.of(Integer.parseInt(m.group(2)), month, 1) : latest(today, month, 1);
            return since(question, m, from, today, recent);
        }
        if ((m = SINCE_YEAR.matcher(question)).find()) {
            return since(question, m, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), today, recent);
        }
        if ((m = IN_MONTH.matcher(question)).find()) {
            Month month = MonthNames.parse(m.group(1));
            LocalDate first = m.group(2) != null ? LocalDate.of(Integer.parseInt(m.group(2)), month, 1) : latest(today, month, 1);
            String label = "from " + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear();
            return period(window(question, m, first, first.with(TemporalAdjusters.lastDayOfMonth()), label, recent), first, today);
        }
        if ((m = IN_YEAR.matcher(question)).find()) {
            int year = Integer.parseInt(m.group(1));
            LocalDate first = LocalDate.of(year, 1, 1);
            return period(window(question, m, first, LocalDate.of(year, 12, 31), "from " + year, recent), first, today);
        }
        return new TimeWords(question, null, null, recent, null);
    }

    /** Whether the question asks for the latest ("latest", "now", "current", "recent", …). */
    public static boolean prefersRecent(String question) {
        return RECENT.matcher(question).find();
    }

    private static TimeWords since(String question, Matcher m, LocalDate from, LocalDate today, boolean recent) {
        LocalDate start = from.isAfter(today) ? today : from;
        return window(question, m, start, today, "since " + DAY.format(start), recent);
    }

    private static TimeWords window(String question, Matcher m, LocalDate from, LocalDate to, String label, boolean recent) {
        String rest = (question.substring(0, m.start()) + " " + question.substring(m.end())).replaceAll("\\s+", " ")
                .replaceAll(" ([?.!,])", "$1").strip();
        return new TimeWords(rest.isBlank() ? question : rest, PassageFilter.publishedBetween(from, to), label, recent, null);
    }

    /** A named calendar period: later articles may report it, from its start to today. */
    private static TimeWords period(TimeWords strict, LocalDate first, LocalDate today) {
        PassageFilter later = first.isAfter(today) ? null : PassageFilter.publishedBetween(first, today);
        return new TimeWords(strict.searchText(), strict.window(), strict.windowLabel(), strict.prefersRecent(), later);
    }

    /** The latest day with this month and day of month that is not after today. */
    private static LocalDate latest(LocalDate today, Month month, int day) {
        LocalDate candidate = LocalDate.of(today.getYear(), month, Math.min(day, month.length(today.isLeapYear())));
        return candidate.isAfter(today) ? candidate.minusYears(1) : candidate;
    }
}

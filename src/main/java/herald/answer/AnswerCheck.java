package herald.answer;

import herald.ingest.SentenceSplitter;
import herald.retrieval.MonthNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the LLM says before the reader gets it as final: citation numbers that name no source are
 * removed, and each sentence stating a date, a number or a name is held against the passages it cites. A
 * sentence whose value none of them holds is unsupported; unsupported sentences are dropped (the answer says
 * so), and an answer with nothing supported left is replaced by the retrieval-only quote.
 */
@ApplicationScoped
public class AnswerCheck {

    private static final Logger LOG = Logger.getLogger(AnswerCheck.class);

    /** Said where sentences were dropped, so the reader knows the answer was cut. */
    public static final String REMOVED_NOTE = "(Part of this answer was removed: the cited articles do not support it.)";

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
    private static final String MONTHS = MonthNames.FULL_OR_ABBREVIATED;
    /** "June 19-20", "June 19 and 20", "June 19". */
    private static final Pattern MONTH_DAYS = Pattern.compile("(?i)\\b(" + MONTHS + ")\\.? (\\d{1,2})(?!\\d)(?:st|nd|rd|th)?"
            + "(?:\\s*(?:-|–|—|to|and|until)\\s*(?:(" + MONTHS + ")\\.? )?(\\d{1,2})(?:st|nd|rd|th)?\\b)?");
    /** "19-20 June", "19 and 20 June", "19 June". */
    private static final Pattern DAYS_MONTH = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?"
            + "(?:\\s*(?:-|–|—|to|and|until)\\s*(\\d{1,2})(?:st|nd|rd|th)?)? (?:of )?(" + MONTHS + ")\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d-])(\\d[\\d,]*(?:\\.\\d+)?)(?![\\p{L}\\d-])");
    private static final Pattern NAME = Pattern.compile("(?<=[^.?!\\s\\[(“\"]\\s{1,3})([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+)*)");
    private static final Set<String> NOT_NAMES = Set.of("I", "As", "The", "According", "However", "Herald", "AI");
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"));
    private static final Map<String, String> ALIASES = Map.of("US", "United States", "U.S.", "United States", "USA", "United States",
            "UK", "United Kingdom", "UN", "United Nations", "EU", "European Union", "DPRK", "North Korea");

    /** What the check made of an answer. */
    public enum Verdict {
        /** Every sentence that states something is held by a cited passage. */
        SUPPORTED,
        /** Some sentences were unsupported and were dropped. */
        PARTLY_SUPPORTED,
        /** No sentence that states something is supported: the reader gets the quote instead. */
        UNSUPPORTED
    }

    /** The checked text, the verdict, and the sentences dropped. */
    public record Checked(String text, Verdict verdict, List<String> removed) {
    }

    private final Clock clock;
    private final Counter checked;
    private final Counter withUnsupportedParts;

    public AnswerCheck(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.checked = metrics.counter("herald.answer.checks");
        this.withUnsupportedParts = metrics.counter("herald.answer.checks.unsupported");
        Gauge.builder("herald.answer.unsupported.share", this, c -> c.checked.count() == 0 ? 0
                        : c.withUnsupportedParts.count() / c.checked.count())
                .description("Share of LLM answers that stated something their cited passages do not hold")
                .register(metrics);
    }

    public Checked check(String answer, List<Source> sources) {
        String cited = dropUnknownCitations(answer, sources.size());
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int stating = 0;
        for (String paragraph : cited.split("\n")) {
            List<String> keptHere = new ArrayList<>();
            for (String sentence : SentenceSplitter.split(paragraph)) {
                Set<String> claims = claims(sentence);
                if (claims.isEmpty()) {
                    keptHere.add(sentence);
                    continue;
                }
                stating++;
                List<Source> against = citedSources(sentence, sources);
                Set<String> unsupported = unsupported(claims, against);
                if (unsupported.isEmpty()) {
                    keptHere.add(sentence);
                } else {
                    removed.add(sentence);
                    LOG.infof("LLM sentence unsupported by its sources %s (%s): %s", numbers(sentence), unsupported, sentence);
                }
            }
            kept.add(String.join(" ", keptHere));
        }
        checked.increment();
        if (removed.isEmpty()) {
            // untouched, down to the whitespace, when there was nothing to remove
            return new Checked(cited, Verdict.SUPPORTED, List.of());
        }
        withUnsupportedParts.increment();
        if (removed.size() == stating) {
            return new Checked(cited, Verdict.UNSUPPORTED, removed);
        }
        String text = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return new Checked(text + " " + REMOVED_NOTE, Verdict.PARTLY_SUPPORTED, removed);
    }

    /** "[7]" of five sources goes; "[2][7]" keeps "[2]"; "[1, 7]" keeps "[1]". */
    static String dropUnknownCitations(String answer, int sources) {
        Matcher m = CITATION.matcher(answer);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> known = new ArrayList<>();
            for (String n : m.group(1).split("\\s*,\\s*")) {
                int number = Integer.parseInt(n.strip());
                if (number >= 1 && number <= sources) {
                    known.add(String.valueOf(number));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(known.isEmpty() ? "" : "[" + String.join(", ", known) + "]"));
        }
        m.appendTail(out);
        // a removed marker must not leave " ." or a double space behind
        return out.toString().replaceAll(" +([.,;:!?])", "$1").replaceAll(" {2,}", " ");
    }

    /** The values a sentence states: dates as "month-day" or a year, numbers, names. */
    static Set<String> claims(String sentence) {
        String bare = CITATION.matcher(sentence).replaceAll(" ");
        Set<String> claims = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(bare);
        for (MonthDay d : dates(bare, rest)) {
            claims.add("date:" + d);
        }
        Matcher year = YEAR.matcher(rest);
        while (year.find()) {
            claims.add("year:" + year.group(1));
        }
        String noYears = YEAR.matcher(rest).replaceAll(" ");
        Matcher number = NUMBER.matcher(noYears);
        while (number.find()) {
            claims.add("number:" + number.group(1).replace(",", ""));
        }
        Matcher name = NAME.matcher(bare.strip());
        while (name.find()) {
            for (String word : name.group(1).split("\\s+")) {
                if (!NOT_NAMES.contains(word) && !isCalendarWord(word)) {
                    claims.add("name:" + word.replaceAll("['’]s$", ""));
                }
            }
        }
        return claims;
    }

    /** The values among the claims that none of the sources holds. */
    private Set<String> unsupported(Set<String> claims, List<Source> sources) {
        Set<MonthDay> dates = new HashSet<>();
        Set<String> years = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        StringBuilder words = new StringBuilder();
        LocalDate today = LocalDate.now(clock);
        dates.add(MonthDay.from(today));
        years.add(String.valueOf(today.getYear()));
        for (Source s : sources) {
            String text = s.title() + " " + s.text();
            dates.addAll(dates(text, new StringBuilder(text)));
            Matcher y = YEAR.matcher(text);
            while (y.find()) {
                years.add(y.group(1));
            }
            Matcher n = NUMBER.matcher(text);
            while (n.find()) {
                numbers.add(n.group(1).replace(",", ""));
            }
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
                if (NUMBER_WORDS.containsKey(w)) {
                    numbers.add(NUMBER_WORDS.get(w));
                }
            }
            if (s.publishedAt() != null) {
                // the prompt gave each article's date, and asked for "tomorrow" to be turned into a date
                dates.addAll(resolvable(text, s.publishedAt()));
                years.add(String.valueOf(s.publishedAt().getYear()));
                dates.add(MonthDay.from(s.publishedAt()));
            }
            words.append(text).append(' ');
        }
        String known = " " + words.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", " ") + " ";
        Set<String> missing = new LinkedHashSet<>();
        for (String claim : claims) {
            String value = claim.substring(claim.indexOf(':') + 1);
            boolean held = switch (claim.substring(0, claim.indexOf(':'))) {
                case "date" -> dates.contains(MonthDay.parse(value));
                case "year" -> years.contains(value);
                case "number" -> numbers.contains(value) || numbers.contains(value.replaceAll("\\.0+$", ""));
                default -> nameHeld(value, known);
            };
            if (!held) {
                missing.add(value);
            }
        }
        return missing;
    }

    /** A name is held when the passages have it, or a form sharing its stem ("Vietnamese" for "Vietnam"). */
    private static boolean nameHeld(String name, String known) {
        String alias = ALIASES.get(name);
        if (alias != null && known.contains(" " + alias.toLowerCase(Locale.ROOT) + " ")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]", "");
        if (lower.isEmpty() || known.contains(" " + lower + " ")) {
            return true;
        }
        return lower.length() >= 5 && known.contains(" " + lower.substring(0, 5));
    }

    /** Dates "tomorrow", "on Wednesday" stand for, counted from the article's date. */
    private static Set<MonthDay> resolvable(String text, LocalDate published) {
        Set<MonthDay> dates = new HashSet<>();
        Matcher m = QuoteText.RELATIVE_DAY.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            switch (word) {
                case "today", "tonight" -> dates.add(MonthDay.from(published));
                case "tomorrow" -> dates.add(MonthDay.from(published.plusDays(1)));
                case "yesterday" -> dates.add(MonthDay.from(published.minusDays(1)));
                default -> {
                    // a weekday within a week either side: news says "on Wednesday" for last or next Wednesday
                    DayOfWeek day = DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
                    for (int offset = -6; offset <= 6; offset++) {
                        if (published.plusDays(offset).getDayOfWeek() == day) {
                            dates.add(MonthDay.from(published.plusDays(offset)));
                        }
                    }
                }
            }
        }
        return dates;
    }

    /** Every day a text names, "June 19-20" and "19–20 June" alike; what they matched is blanked in {@code rest}. */
    private static List<MonthDay> dates(String text, StringBuilder rest) {
        List<MonthDay> days = new ArrayList<>();
        Matcher m = MONTH_DAYS.matcher(text);
        while (m.find()) {
            Month month = MonthNames.parse(m.group(1));
            Month second = m.group(3) == null ? month : MonthNames.parse(m.group(3));
            addRange(days, month, Integer.parseInt(m.group(2)), second, m.group(4) == null ? null : Integer.parseInt(m.group(4)));
            blank(rest, m.start(), m.end());
        }
        m = DAYS_MONTH.matcher(text);
        while (m.find()) {
            Month month = MonthNames.parse(m.group(3));
            addRange(days, month, Integer.parseInt(m.group(1)), month, m.group(2) == null ? null : Integer.parseInt(m.group(2)));
            blank(rest, m.start(), m.end());
        }
        return days;
    }

    private static void addRange(List<MonthDay> days, Month month, int from, Month toMonth, Integer to) {
        if (from < 1 || from > month.maxLength()) {
            return;
        }
        days.add(MonthDay.of(month, from));
        if (to != null && to >= 1 && to <= toMonth.maxLength()) {
            if (toMonth == month) {
                for (int d = from + 1; d <= to && d - from <= 31; d++) {
                    days.add(MonthDay.of(month, d));
                }
            } else {
                days.add(MonthDay.of(toMonth, to));
            }
        }
    }

    private static void blank(StringBuilder rest, int start, int end) {
        for (int i = start; i < end && i < rest.length(); i++) {
            if (!Character.isWhitespace(rest.charAt(i))) {
                rest.setCharAt(i, ' ');
            }
        }
    }

    private static boolean isCalendarWord(String word) {
        return word.toLowerCase(Locale.ROOT).matches(MONTHS + "|" + QuoteText.WEEKDAYS);
    }

    /** The sources a sentence cites; a sentence citing none is held against all of them. */
    private static List<Source> citedSources(String sentence, List<Source> sources) {
        Set<Integer> numbers = numbers(sentence);
        if (numbers.isEmpty()) {
            return sources;
        }
        return numbers.stream().map(n -> sources.get(n - 1)).toList();
    }

    private static Set<Integer> numbers(String sentence) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(sentence);
        while (m.find()) {
            for (String n : m.group(1).split("\\s*,\\s*")) {
                numbers.add(Integer.parseInt(n.strip()));
            }
        }
        return numbers;
    }
}

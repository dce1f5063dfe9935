package herald.insight;

import herald.api.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The days a report covers, from the query's {@code from} and {@code to} (YYYY-MM-DD, both included). */
record ReportRange(LocalDate from, LocalDate to) {

    /** Without dates: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;
    /** A longer range would be a scan of the whole log for no purpose: retention is 90 days by default. */
    static final int MAX_DAYS = 3660;

    static ReportRange of(String from, String to, Clock clock) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw new ProblemException(400, "Bad Request", "from (" + start + ") is after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new ProblemException(400, "Bad Request", "A report covers at most " + MAX_DAYS + " days");
        }
        return new ReportRange(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Bad Request", name + " must be a date as YYYY-MM-DD, not \"" + value + "\"");
        }
    }
}

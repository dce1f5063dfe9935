package herald.sources;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The dates feeds, sitemaps and pages write: ISO 8601 / W3C, RFC 1123, or a bare day (read as UTC midnight). */
final class FeedDates {

    private FeedDates() {
    }

    /** The instant, or null when the value is missing or not a date this reads. */
    static Instant parse(String value) {
        OffsetDateTime t = parseWithOffset(value);
        return t == null ? null : t.toInstant();
    }

    /**
     * The date and time with the offset it was written in, so its day is the day the site meant
     * ("2024-06-19T05:00+07:00" is the 19th in Hanoi, though the 18th in UTC).
     */
    static OffsetDateTime parseWithOffset(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            // "2024-06-17T08:00+05:30" lacks seconds; "2024-06-17T08:00:00+0530" lacks the colon
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX"));
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

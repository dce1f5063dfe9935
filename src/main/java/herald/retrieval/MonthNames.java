package herald.retrieval;

import java.time.Month;
import java.util.Locale;

/**
 * The month names Herald reads in questions, passages and answers, in one place so that what counts as a month
 * is the same wherever a date is read. The alternations are bare (no group, no flags): callers wrap them in their
 * own patterns and compile them case-insensitive.
 */
public final class MonthNames {

    /** The twelve full names. */
    public static final String FULL = "january|february|march|april|may|june|july|august|september|october|november|december";

    /** The full names and their abbreviations, "sept" included; "may" has none. */
    public static final String FULL_OR_ABBREVIATED = FULL + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

    private MonthNames() {
    }

    /** The month a name or abbreviation matched by {@link #FULL_OR_ABBREVIATED} stands for, in any case. */
    public static Month parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // a month's first three letters name it alone, so "sept", "sep" and "september" all read the same
        String prefix = n.length() > 3 ? n.substring(0, 3) : n;
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}

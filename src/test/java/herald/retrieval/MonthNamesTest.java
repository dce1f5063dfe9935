package herald.retrieval;

import org.junit.jupiter.api.Test;

import java.time.Month;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonthNamesTest {

    @Test
    void everyNameAndAbbreviationReadsAsItsMonthInAnyCase() {
        assertEquals(Month.SEPTEMBER, MonthNames.parse("Sept"));
        assertEquals(Month.SEPTEMBER, MonthNames.parse("SEP"));
        assertEquals(Month.MAY, MonthNames.parse("may"));
        assertEquals(Month.JUNE, MonthNames.parse("June"));
        for (String name : MonthNames.FULL_OR_ABBREVIATED.split("\\|")) {
            Month month = MonthNames.parse(name);
            assertTrue(month.name().toLowerCase().startsWith(name.substring(0, 3)), name + " read as " + month);
        }
    }

    @Test
    void fullNamesLeaveAbbreviationsOut() {
        Pattern full = Pattern.compile("(?i)(" + MonthNames.FULL + ")");
        Pattern any = Pattern.compile("(?i)(" + MonthNames.FULL_OR_ABBREVIATED + ")");
        assertTrue(full.matcher("September").matches());
        assertFalse(full.matcher("Sept").matches());
        assertTrue(any.matcher("Sept").matches());
        assertFalse(any.matcher("Ju").matches());
    }

    @Test
    void aWordThatIsNoMonthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MonthNames.parse("Smarch"));
    }
}

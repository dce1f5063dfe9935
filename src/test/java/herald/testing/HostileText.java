package herald.testing;

import java.util.ArrayList;
import java.util.List;

/** Text made to hit limits. */
public final class HostileText {

    private HostileText() {
    }

    /** Distinct two-letter words "ba", "bb", ...: short enough for 600 of them to fit in a 2,000-character question. */
    public static List<String> distinctShortWords(int count) {
        List<String> words = new ArrayList<>();
        for (char a = 'b'; a <= 'z' && words.size() < count; a++) {
            for (char b = 'a'; b <= 'z' && words.size() < count; b++) {
                words.add("" + a + b);
            }
        }
        return words;
    }
}

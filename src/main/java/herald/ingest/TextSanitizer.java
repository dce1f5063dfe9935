package herald.ingest;

/**
 * Removes what a reader cannot see but a terminal, a log or a web page acts on: control characters (NUL,
 * escapes) and the bidirectional overrides and isolates that make text display in another order than it
 * is stored ("Trojan Source"). Everything Herald stores from outside passes through here.
 */
public final class TextSanitizer {

    private TextSanitizer() {
    }

    /** One line (a title, a source name): every control character and line break becomes a space, runs collapse. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00a0') {
                space = out.length() > 0;
                continue;
            }
            if (invisible(c)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** Running text: keeps line breaks and tabs, drops the other control characters and the bidi controls. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\t' || c == '\r' || !(Character.isISOControl(c) || invisible(c))) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * Bidi embeddings, overrides and isolates, directional marks, unpaired surrogates and noncharacters.
     * The zero-width joiner stays: emoji sequences need it.
     */
    private static boolean invisible(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C
                || Character.getType(c) == Character.SURROGATE
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
                || (Character.getType(c) == Character.FORMAT && c != 0x200D && c != 0x200C);
    }
}

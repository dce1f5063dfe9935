package herald.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a news page's text to the article: drops share buttons, "join our group" calls, the
 * related-headlines block and a title repeated as the first line, and mends paragraphs that the page
 * broke mid-sentence. What it drops would otherwise be retrieved and quoted as if it were news.
 */
public final class ArticleCleaner {

    private static final Pattern SHARE_LINE = Pattern.compile(
            "(?i)^(share( this( article| story)?)?|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|print|copy link|comments?)\\s*:?$");
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i)^(join|follow|subscribe to|sign up for|download)\\b.{0,60}\\b(whatsapp|telegram|channel|group|newsletter|app|us on)\\b.*$");
    private static final Pattern RELATED_HEADER = Pattern.compile(
            "(?i)^(related( news| articles| stories| posts)?|read more|also read|more from .{1,40}|you may also like|recommended( for you)?|trending( now)?|latest news)\\s*:?$");

    /** A paragraph ending in one of these is finished; any other is continued by a lower-case next paragraph. */
    private static final String SENTENCE_END = ".!?:\"”’)]";

    private ArticleCleaner() {
    }

    /** The article text, paragraphs separated by blank lines. */
    public static String clean(String title, String body) {
        List<String> paragraphs = new ArrayList<>();
        String normalizedTitle = normalize(title);
        for (String line : body.replace("\r\n", "\n").replace('\u00a0', ' ').split("\n")) {
            String text = line.replaceAll("\\s+", " ").strip();
            if (RELATED_HEADER.matcher(text).matches()) {
                break;
            }
            if (text.isEmpty() || SHARE_LINE.matcher(text).matches() || CALL_TO_ACTION.matcher(text).matches()
                    || (!normalizedTitle.isEmpty() && normalize(text).equals(normalizedTitle))) {
                continue;
            }
            paragraphs.add(text);
        }
        dropTrailingHeadlines(paragraphs);
        return String.join("\n\n", mendBrokenParagraphs(paragraphs));
    }

    /** Pages list related headlines after the story, often before the "Related News" label itself. */
    private static void dropTrailingHeadlines(List<String> paragraphs) {
        while (paragraphs.size() > 1 && isHeadline(paragraphs.get(paragraphs.size() - 1))) {
            paragraphs.remove(paragraphs.size() - 1);
        }
    }

    static boolean isHeadline(String line) {
        String[] words = line.split("\\s+");
        if (words.length < 3 || words.length > 18 || line.endsWith(".") || line.endsWith("\"") || line.endsWith("”")) {
            return false;
        }
        int significant = 0;
        int capitalized = 0;
        for (String word : words) {
            String w = word.replaceAll("^[^\\p{L}\\p{N}]+", "");
            if (w.length() > 3) {
                significant++;
                if (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))) {
                    capitalized++;
                }
            }
        }
        return significant > 0 && capitalized >= 0.75 * significant;
    }

    /**
     * Joins a paragraph to the previous one when the page broke a sentence across them. Works on builders and
     * looks at one character each side, so a page of thousands of broken lines costs linear time.
     */
    private static List<String> mendBrokenParagraphs(List<String> paragraphs) {
        List<StringBuilder> mended = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (!mended.isEmpty()) {
                StringBuilder previous = mended.get(mended.size() - 1);
                boolean previousUnfinished = SENTENCE_END.indexOf(previous.charAt(previous.length() - 1)) < 0;
                boolean continues = Character.isLowerCase(paragraph.charAt(0));
                if (previousUnfinished && continues) {
                    previous.append(' ').append(paragraph);
                    continue;
                }
            }
            mended.add(new StringBuilder(paragraph));
        }
        return mended.stream().map(StringBuilder::toString).toList();
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

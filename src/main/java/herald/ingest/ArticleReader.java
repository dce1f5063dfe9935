package herald.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns raw plain text or HTML into an {@link ArticleDraft}. Plain text may start with a front-matter
 * block ({@code ---}, {@code title:}, {@code source:}, {@code publishedAt:}, {@code ---}); otherwise its
 * first line is the title.
 *
 * <p>HTML reduction is linear in the input: the parser keeps at most {@link #MAX_HTML_DEPTH} open elements
 * (deeper elements become siblings at that depth, their text kept), the walk over the tree is iterative
 * and visits each node once, and a deadline stops it all (see {@link #fromHtml(String, Duration)}).
 */
public final class ArticleReader {

    /**
     * Open elements the HTML parser keeps. Real news pages nest 20 to 40 deep; the parser's cost per tag
     * grows with this depth (jsoup rescans the stack of open elements), so unclosed {@code <div>}s by the
     * thousand cost no more than these.
     */
    public static final int MAX_HTML_DEPTH = 100;
    /** Longest title kept when it is taken from a page or a first line (a JSON title over it is refused). */
    public static final int MAX_TITLE_CHARS = 300;
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "li", "blockquote");
    private static final String FURNITURE = "script, style, noscript, nav, header, footer, aside, form, iframe, button, svg";
    private static final int NODES_BETWEEN_DEADLINE_CHECKS = 256;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ArticleReader() {
    }

    public static ArticleDraft fromPlainText(String raw) {
        String text = raw.replace("\r\n", "\n").strip();
        Map<String, String> meta = new HashMap<>();
        if (text.startsWith("---\n") || text.equals("---")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new IllegalArgumentException("The front matter that starts with --- is not closed by a line of ---");
            }
            for (String line : text.substring(4, Math.max(4, end)).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    meta.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            int after = text.indexOf('\n', end + 1);
            text = after < 0 ? "" : text.substring(after + 1).strip();
        }
        String title = meta.get("title");
        if (title == null) {
            int newline = text.indexOf('\n');
            title = (newline < 0 ? text : text.substring(0, newline)).strip();
            text = newline < 0 ? "" : text.substring(newline + 1);
        }
        return new ArticleDraft(shortTitle(title), text, meta.get("source"), parseDate(meta.get("publishedat")));
    }

    /** A page reduced to its article, and what was read from the whole page before it was reduced. */
    public record Inspected<M>(ArticleDraft draft, M inspected) {
    }

    /** Reduces a page to its article with no time limit: for local files the operator chose. */
    public static ArticleDraft fromHtml(String html) {
        return fromHtml(html, "", ReductionDeadline.none(), page -> null).draft();
    }

    /**
     * Reduces a page to its article within {@code maxTime}: the path for every page from outside (uploads,
     * feeds), so that no page can hold a worker longer than that.
     *
     * @throws UnprocessableArticleException when the page takes longer than {@code maxTime}
     */
    public static ArticleDraft fromHtml(String html, Duration maxTime) {
        return fromHtml(html, "", ReductionDeadline.after(maxTime), page -> null).draft();
    }

    /**
     * As {@link #fromHtml(String, Duration)}, and first hands the parsed page, whole (head and scripts included,
     * relative links resolved against {@code pageUrl}), to {@code inspect}, under the same deadline: a caller that
     * wants more of the page than its article reads it there rather than parsing the page a second time.
     *
     * @throws UnprocessableArticleException when the page takes longer than {@code maxTime}
     */
    public static <M> Inspected<M> fromHtml(String html, String pageUrl, Duration maxTime, Function<Document, M> inspect) {
        return fromHtml(html, pageUrl, ReductionDeadline.after(maxTime), inspect);
    }

    private static <M> Inspected<M> fromHtml(String html, String pageUrl, ReductionDeadline deadline, Function<Document, M> inspect) {
        Document page = Parser.htmlParser().setMaxDepth(MAX_HTML_DEPTH)
                .parseInput(deadline.guard(new StringReader(html)), pageUrl);
        deadline.check();
        M inspected = inspect.apply(page);
        deadline.check();
        page.select(FURNITURE).remove();
        deadline.check();
        Element h1 = page.selectFirst("h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : page.title();
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.body();
        }
        String blocks = blockTexts(root, deadline);
        String text = blocks.isEmpty() ? root.text() : blocks;
        deadline.check();
        String published = meta(page, "article:published_time", "datePublished", "date");
        String source = meta(page, "og:site_name", "publisher", "application-name");
        LocalDate date;
        try {
            date = parseDate(published);
        } catch (IllegalArgumentException e) {
            date = null; // a page's own odd date format is no reason to refuse its article
        }
        return new Inspected<>(new ArticleDraft(shortTitle(title.strip()), text, source, date), inspected);
    }

    /**
     * The text of each outermost paragraph, heading, list item and quote, in one pass over the tree; a block
     * inside another is part of the outer one's text and is not visited again.
     */
    private static String blockTexts(Element root, ReductionDeadline deadline) {
        StringJoiner body = new StringJoiner("\n\n");
        int[] visited = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++visited[0] % NODES_BETWEEN_DEADLINE_CHECKS == 0) {
                    deadline.check();
                }
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    String text = element.text();
                    if (!text.isBlank()) {
                        body.add(text);
                    }
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return body.toString();
    }

    private static String meta(Document page, String... names) {
        for (String name : names) {
            Element el = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
            if (el != null && !el.attr("content").isBlank()) {
                return el.attr("content");
            }
        }
        return null;
    }

    /** A title taken from a page or a first line, cut at a word boundary when it runs past {@link #MAX_TITLE_CHARS}. */
    static String shortTitle(String title) {
        String t = TextSanitizer.line(title);
        if (t.length() <= MAX_TITLE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
        if (cut < MAX_TITLE_CHARS / 2) {
            cut = MAX_TITLE_CHARS - 1;
        }
        if (Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return t.substring(0, cut).strip() + "…";
    }

    /**
     * Accepts an ISO date (2024-06-17) or an ISO date-time (2024-06-17T08:00:00Z, with or without an offset),
     * with a four-digit year; anything else, including impossible times, is an error.
     */
    public static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (ISO_DATE.matcher(v).matches()) {
                return LocalDate.parse(v);
            }
            if (v.length() > 10 && ISO_DATE.matcher(v.substring(0, 10)).matches() && v.charAt(10) == 'T') {
                return DateTimeFormatter.ISO_DATE_TIME.parse(v, LocalDate::from);
            }
        } catch (DateTimeParseException e) {
            // falls through to the one message for every malformed date
        }
        throw new IllegalArgumentException("publishedAt must be an ISO date such as 2024-06-17 (or a date-time such as "
                + "2024-06-17T08:00:00Z), got: " + TextSanitizer.line(v.length() > 40 ? v.substring(0, 40) + "…" : v));
    }
}

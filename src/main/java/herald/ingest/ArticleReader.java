package herald.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns raw plain text or HTML into an {@link ArticleDraft}. Plain text may start with a front-matter
 * block ({@code ---}, {@code title:}, {@code source:}, {@code publishedAt:}, {@code ---}); otherwise its
 * first line is the title.
 */
public final class ArticleReader {

    private ArticleReader() {
    }

    public static ArticleDraft fromPlainText(String raw) {
        String text = raw.replace("\r\n", "\n").strip();
        Map<String, String> meta = new HashMap<>();
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                for (String line : text.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        meta.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
                    }
                }
                text = text.substring(end + 4).strip();
            }
        }
        String title = meta.get("title");
        if (title == null) {
            int newline = text.indexOf('\n');
            title = (newline < 0 ? text : text.substring(0, newline)).strip();
            text = newline < 0 ? "" : text.substring(newline + 1);
        }
        return new ArticleDraft(title, text, meta.get("source"), parseDate(meta.get("publishedat")));
    }

    public static ArticleDraft fromHtml(String html) {
        Document page = Jsoup.parse(html);
        page.select("script, style, noscript, nav, header, footer, aside, form, iframe, button, svg").remove();
        Element h1 = page.selectFirst("h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : page.title();
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.body();
        }
        StringJoiner body = new StringJoiner("\n\n");
        for (Element block : root.select("p, h2, h3, h4, li, blockquote")) {
            if (!block.text().isBlank() && block.parents().stream().noneMatch(p -> p.is("p, li, blockquote"))) {
                body.add(block.text());
            }
        }
        String text = body.length() > 0 ? body.toString() : root.text();
        String published = meta(page, "article:published_time", "datePublished", "date");
        String source = meta(page, "og:site_name", "publisher", "application-name");
        LocalDate date;
        try {
            date = parseDate(published);
        } catch (IllegalArgumentException e) {
            date = null; // a page's own odd date format is no reason to refuse its article
        }
        return new ArticleDraft(title.strip(), text, source, date);
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

    /** Accepts an ISO date or the date part of an ISO date-time; anything else is an error. */
    public static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("publishedAt must be an ISO date such as 2024-06-17, got: " + value);
        }
    }
}

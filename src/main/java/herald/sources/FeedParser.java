package herald.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a source URL serves: RSS 2.0 and Atom (through Rome), JSON Feed 1.x, XML sitemaps (Google News
 * sitemaps included) and sitemap indexes. The format is sniffed from the body, not trusted from the
 * Content-Type, since news sites serve feeds as text/html, text/plain and worse.
 */
public final class FeedParser {

    /** The parsed feed: items, or (for a sitemap index) the sitemaps it lists. */
    public record Parsed(List<FeedItem> items, List<String> sitemaps) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedParser() {
    }

    /**
     * @throws FetchFailure when the body is none of the formats, or broken
     */
    public static Parsed parse(byte[] body, URI base) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("{")) {
            return jsonFeed(body, base);
        }
        if (!head.startsWith("<")) {
            throw new FetchFailure("not a feed: " + base + " is neither XML nor JSON");
        }
        String root = rootElement(head);
        if (root.equals("urlset") || root.equals("sitemapindex")) {
            return sitemap(body, base, root.equals("sitemapindex"));
        }
        if (root.equals("html")) {
            throw new FetchFailure("not a feed: " + base + " is an HTML page");
        }
        return romeFeed(body, base);
    }

    private static Parsed romeFeed(byte[] body, URI base) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs: no entity expansion, no external fetches
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchFailure("malformed feed at " + base + ": " + firstLine(e.getMessage()), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if ((link == null || link.isBlank()) && entry.getUri() != null && entry.getUri().matches("(?i)https?://.*")) {
                link = entry.getUri();
            }
            if (link == null || link.isBlank()) {
                continue;
            }
            StringBuilder content = new StringBuilder();
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null) {
                    content.append(c.getValue()).append('\n');
                }
            }
            if (content.length() == 0 && entry.getDescription() != null && entry.getDescription().getValue() != null) {
                content.append(entry.getDescription().getValue());
            }
            items.add(new FeedItem(resolve(base, link), clean(entry.getTitle()), utc(entry.getPublishedDate()),
                    instant(entry.getUpdatedDate()), content.toString().strip(), blankToNull(entry.getAuthor())));
        }
        return new Parsed(items, List.of());
    }

    private static Parsed jsonFeed(byte[] body, URI base) {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (IOException e) {
            throw new FetchFailure("malformed JSON feed at " + base + ": " + firstLine(e.getMessage()), e);
        }
        if (!feed.path("version").asText("").startsWith("https://jsonfeed.org/version/1") || !feed.path("items").isArray()) {
            throw new FetchFailure("not a JSON Feed: " + base + " has no jsonfeed.org version or no items");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            String url = text(item, "url");
            if (url == null) {
                url = text(item, "external_url");
            }
            if (url == null) {
                continue;
            }
            String content = text(item, "content_html");
            if (content == null) {
                content = text(item, "content_text");
            }
            if (content == null) {
                content = text(item, "summary");
            }
            String author = null;
            JsonNode authors = item.path("authors");
            if (authors.isArray() && !authors.isEmpty()) {
                author = text(authors.get(0), "name");
            } else if (item.has("author")) {
                author = text(item.path("author"), "name"); // JSON Feed 1.0
            }
            items.add(new FeedItem(resolve(base, url), clean(text(item, "title")), FeedDates.parseWithOffset(text(item, "date_published")),
                    FeedDates.parse(text(item, "date_modified")), content, author));
        }
        return new Parsed(items, List.of());
    }

    private static Parsed sitemap(byte[] body, URI base, boolean index) {
        // jsoup's XML parser neither loads DTDs nor expands entities, and forgives what sitemaps get wrong
        Document xml = Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString(), Parser.xmlParser());
        if (index) {
            List<String> sitemaps = new ArrayList<>();
            for (Element sitemap : xml.getElementsByTag("sitemap")) {
                String loc = childText(sitemap, "loc");
                if (loc != null) {
                    sitemaps.add(resolve(base, loc));
                }
            }
            return new Parsed(List.of(), sitemaps);
        }
        List<FeedItem> items = new ArrayList<>();
        for (Element url : xml.getElementsByTag("url")) {
            String loc = childText(url, "loc");
            if (loc == null) {
                continue;
            }
            // Google News sitemaps: <news:news><news:publication_date>, <news:title>
            String published = childText(url, "news:publication_date");
            items.add(new FeedItem(resolve(base, loc), clean(childText(url, "news:title")), FeedDates.parseWithOffset(published),
                    FeedDates.parse(childText(url, "lastmod")), null, null));
        }
        return new Parsed(items, List.of());
    }

    private static String rootElement(String head) {
        int i = 0;
        while (true) {
            int open = head.indexOf('<', i);
            if (open < 0 || open + 1 >= head.length()) {
                return "";
            }
            char next = head.charAt(open + 1);
            if (next == '?' || next == '!') {
                int close = head.indexOf('>', open);
                if (close < 0) {
                    return "";
                }
                i = close + 1;
                continue;
            }
            String name = head.substring(open + 1).split("[\\s>/]", 2)[0].toLowerCase(Locale.ROOT);
            int colon = name.indexOf(':');
            return colon >= 0 && !name.startsWith("rdf") ? name.substring(colon + 1) : name;
        }
    }

    private static String childText(Element parent, String tag) {
        Element child = parent.getElementsByTag(tag).first();
        return child == null || child.text().isBlank() ? null : child.text().strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String resolve(URI base, String link) {
        try {
            return base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    /** Rome reads every date into a {@link Date}, which keeps no offset. */
    private static java.time.OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String clean(String title) {
        return title == null ? null : Jsoup.parse(title).text().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}

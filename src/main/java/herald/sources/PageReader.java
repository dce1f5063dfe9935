package herald.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.ingest.ArticleDraft;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a fetched article page into a draft: the text through the common HTML path, the metadata from the
 * page's JSON-LD {@code NewsArticle} first, then Open Graph, then the feed item. The canonical URL is taken
 * only when it is on the page's own site, so a page cannot overwrite another site's article.
 */
public final class PageReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "liveblogposting", "report");

    private PageReader() {
    }

    /** What a page says about its article, each field null when it does not say. */
    public record PageMetadata(String title, String canonicalUrl, OffsetDateTime published, Instant modified, String author,
                               String section, String siteName) {
    }

    /**
     * The article of a page, its metadata completed from the feed item. {@code reduced} is the page as the
     * common, bounded HTML path reduced it, and {@code meta} what {@link #metadata} read from the same parse
     * ({@code IngestionPool.ingestHtml}).
     */
    public static ArticleDraft read(ArticleDraft reduced, PageMetadata meta, FeedItem item, String sourceName) {
        String title = first(meta.title(), item.title(), reduced.title());
        OffsetDateTime published = meta.published() != null ? meta.published() : item.publishedAt();
        LocalDate day = published != null ? published.toLocalDate() : reduced.publishedAt();
        Instant modified = laterThan(latest(meta.modified(), item.updatedAt()), published);
        String url = meta.canonicalUrl() != null ? meta.canonicalUrl() : item.url();
        String source = first(meta.siteName(), reduced.source(), sourceName);
        return new ArticleDraft(title, reduced.text(), source, day, url, modified);
    }

    /**
     * The feed's own copy of an article, for when its page cannot be had; null when the feed has none.
     * {@code readHtml} is the bounded HTML path, for content given as HTML.
     */
    public static ArticleDraft fromFeed(FeedItem item, String sourceName, Function<String, ArticleDraft> readHtml) {
        if (!hasContent(item)) {
            return null;
        }
        String content = item.content();
        String text = content.contains("<") ? readHtml.apply("<html><body><article>" + content + "</article></body></html>").text()
                : content;
        OffsetDateTime published = item.publishedAt();
        return new ArticleDraft(item.title(), text, sourceName,
                published == null ? null : published.toLocalDate(), item.url(), laterThan(item.updatedAt(), published));
    }

    /** Whether the feed carries its own copy of the item's article. */
    public static boolean hasContent(FeedItem item) {
        return item.content() != null && !item.content().isBlank();
    }

    /**
     * What a page says about its article. {@code page} is the page as the bounded HTML path parsed it, whole
     * and before its reduction, with {@code pageUrl} as its base: the page is not parsed again here.
     */
    static PageMetadata metadata(Document page, URI pageUrl) {
        JsonNode article = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                article = findArticle(JSON.readTree(script.data()));
            } catch (IOException e) {
                continue; // a broken JSON-LD block: Open Graph may still say it
            }
            if (article != null) {
                break;
            }
        }
        String canonical = null;
        Element link = page.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            canonical = link.absUrl("href");
        }
        if (canonical == null && article != null) {
            canonical = text(article, "url");
            if (canonical == null) {
                canonical = article.path("mainEntityOfPage").isTextual() ? article.path("mainEntityOfPage").asText()
                        : text(article.path("mainEntityOfPage"), "@id");
            }
        }
        if (canonical == null) {
            canonical = meta(page, "og:url");
        }
        String title = article == null ? null : text(article, "headline");
        OffsetDateTime published = article == null ? null : FeedDates.parseWithOffset(text(article, "datePublished"));
        Instant modified = article == null ? null : FeedDates.parse(text(article, "dateModified"));
        String author = article == null ? null : name(article.path("author"));
        String section = article == null ? null : text(article, "articleSection");
        String site = article == null ? null : name(article.path("publisher"));
        return new PageMetadata(
                first(title, meta(page, "og:title")),
                sameSite(canonical, pageUrl),
                published != null ? published : FeedDates.parseWithOffset(meta(page, "article:published_time")),
                modified != null ? modified : FeedDates.parse(meta(page, "article:modified_time")),
                first(author, meta(page, "article:author")),
                first(section, meta(page, "article:section")),
                first(site, meta(page, "og:site_name")));
    }

    /** The first object typed as an article, in an object, an array or an {@code @graph}. */
    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode found = findArticle(n);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.path("@type");
        if (type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
            return node;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
                    return node;
                }
            }
        }
        return findArticle(node.get("@graph"));
    }

    private static String name(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? null : name(node.get(0));
        }
        return node.isTextual() ? node.asText() : text(node, "name");
    }

    private static String sameSite(String candidate, URI page) {
        if (candidate == null || candidate.isBlank()) {
            return null;
        }
        try {
            URI uri = page.resolve(candidate.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("http") || uri.getHost() == null || page.getHost() == null) {
                return null;
            }
            return bareHost(uri.getHost()).equals(bareHost(page.getHost())) ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String bareHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String meta(Document page, String name) {
        Element el = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return el == null || el.attr("content").isBlank() ? null : el.attr("content").strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    /** Feeds often repeat the publication time as the update time: that is no update. */
    private static Instant laterThan(Instant modified, OffsetDateTime published) {
        return modified == null || (published != null && !modified.isAfter(published.toInstant())) ? null : modified;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}

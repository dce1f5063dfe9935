package herald.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An article's address as its identity: one spelling per article, so one page is one article. */
public final class ArticleUrl {

    private ArticleUrl() {
    }

    /**
     * The address without fragment or tracking parameters ({@code utm_*}), with scheme and host in lower case
     * and without the default port.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The article URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("An article URL must be an absolute http or https URL, got: " + url);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_"))
                .collect(Collectors.joining("&"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}

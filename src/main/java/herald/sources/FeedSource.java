package herald.sources;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed or sitemap Herald polls for articles.
 *
 * @param configured true for a source listed in configuration ({@code herald.sources[n].url}) rather than added
 *                   over the API
 */
public record FeedSource(String id, String url, String name, Duration pollEvery, boolean configured, Instant createdAt) {
}

package herald.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How Herald polls news feeds and fetches article pages. Sources themselves are added over the API or
 * listed as {@code herald.sources[n].url} (read by {@link ConfiguredSources}).
 */
@ConfigMapping(prefix = "herald.sources")
public interface SourceSettings {

    /**
     * Fetch from loopback, private and link-local addresses (not the cloud metadata address). Off: a feed
     * cannot make Herald fetch from inside its own network.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Sent with every request, so a site's operators know who is fetching. */
    @WithDefault("Herald/0.1 (self-hosted news question answering; fetches feeds and their articles)")
    String userAgent();

    /** Pause between two requests to one host: one request at a time per host, then this wait. */
    @WithDefault("1s")
    Duration hostDelay();

    /** Longest wait to connect, and then for the whole response. */
    @WithDefault("20s")
    Duration timeout();

    /** Largest feed or page read; a bigger one is abandoned and recorded as an error. */
    @WithDefault("2000000")
    int maxBytes();

    /** Redirects followed per request; a loop ends here. */
    @WithDefault("5")
    int maxRedirects();

    /** Items taken from one feed per poll (newest first), so one huge sitemap cannot swamp ingestion. */
    @WithDefault("200")
    int maxItemsPerPoll();

    /** Poll interval of a source registered without {@code pollEvery}. */
    @WithDefault("PT10M")
    Duration defaultPollEvery();

    /**
     * How often the scheduler looks for sources due for a poll ({@code off} stops scheduled polling; polling
     * on request still works).
     */
    @WithDefault("15s")
    String pollTick();

    /** Shortest poll interval accepted: polling faster is impolite to the site. */
    @WithDefault("PT1M")
    Duration minPollEvery();
}

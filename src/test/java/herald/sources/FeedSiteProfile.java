package herald.sources;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A news site on loopback: private addresses allowed, no pause between requests, polling only on request. */
public class FeedSiteProfile implements QuarkusTestProfile {

    static final String API_KEY = "feed-test-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "herald.answer.mode", "retrieval-only",
                "herald.sources.allow-private-addresses", "true",
                "herald.sources.host-delay", "5ms",
                "herald.sources.timeout", "10s",
                "herald.sources.poll-tick", "off",
                "herald.api-key", API_KEY);
    }
}

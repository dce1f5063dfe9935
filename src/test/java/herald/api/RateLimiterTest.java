package herald.api;

import herald.config.HeraldConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-client buckets, apart from HTTP: the burst, the Retry-After, the bounded memory and who the client is. */
class RateLimiterTest {

    private static HeraldConfig.RateLimit limits(int perMinute, int burst, int maxClients) {
        return new HeraldConfig.RateLimit() {
            public boolean enabled() {
                return true;
            }

            public int perMinute() {
                return perMinute;
            }

            public int burst() {
                return burst;
            }

            public int maxClients() {
                return maxClients;
            }
        };
    }

    @Test
    void aClientGetsItsBurstThenARetryAfterWhileOthersAreServed() {
        RateLimiter limiter = new RateLimiter(limits(20, 10, 1000), List.of(), new SimpleMeterRegistry());
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.take("203.0.113.7", "rest").allowed(), "question " + (i + 1) + " of the burst");
        }
        RateLimiter.Decision refused = limiter.take("203.0.113.7", "rest");
        assertFalse(refused.allowed());
        // 20 a minute: one question every 3 s
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 3, refused.toString());
        assertTrue(limiter.take("198.51.100.1", "rest").allowed(), "another client has its own bucket");
    }

    @Test
    void aMillionDistinctClientsDoNotGrowMemoryBeyondTheBound() {
        RateLimiter limiter = new RateLimiter(limits(20, 10, 1000), List.of(), new SimpleMeterRegistry());
        for (int i = 0; i < 1_000_000; i++) {
            limiter.take("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/" + i, "rest");
        }
        assertEquals(1000, limiter.clientsRemembered());
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        RateLimiter limiter = new RateLimiter(limits(20, 10, 1000), List.of("10.0.0.2"), new SimpleMeterRegistry());
        assertEquals("203.0.113.7", limiter.client("10.0.0.2", "203.0.113.7"));
        // the left of the header is the client's to write: the nearest untrusted hop is who connected to the proxy
        assertEquals("203.0.113.7", limiter.client("10.0.0.2", "1.2.3.4, 203.0.113.7"));
        assertEquals("198.51.100.9", limiter.client("198.51.100.9", "203.0.113.7"), "anyone else's header is ignored");
        assertEquals("10.0.0.2", limiter.client("10.0.0.2", null));
    }
}

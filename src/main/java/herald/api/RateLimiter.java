package herald.api;

import herald.config.HeraldConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token bucket per client (an address, a Slack user), from Bucket4j: {@code herald.rate-limit.burst}
 * questions at once, then {@code per-minute}. Buckets live in a map bounded to {@code max-clients}, least
 * recently seen out first, so a million distinct clients cannot grow memory without bound (a forgotten
 * client starts again with a full bucket).
 */
@ApplicationScoped
public class RateLimiter {

    /** Whether a question may go ahead, and if not, when to ask again. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final HeraldConfig.RateLimit settings;
    private final Set<String> trustedProxies;
    private final MeterRegistry metrics;
    private final Map<String, Bucket> buckets;

    @Inject
    public RateLimiter(HeraldConfig config, MeterRegistry metrics) {
        this(config.rateLimit(), config.http().trustedProxies().orElse(List.of()), metrics);
    }

    RateLimiter(HeraldConfig.RateLimit settings, List<String> trustedProxies, MeterRegistry metrics) {
        this.settings = settings;
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).toList());
        this.metrics = metrics;
        int capacity = Math.max(1, settings.maxClients());
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > capacity;
            }
        };
        Gauge.builder("herald.rate.limit.clients", this, RateLimiter::clientsRemembered)
                .description("Clients whose token buckets are held (at most herald.rate-limit.max-clients)").register(metrics);
    }

    /** Takes one question from the client's bucket; {@code channel} names the counter of refusals. */
    public Decision take(String client, String channel) {
        if (!settings.enabled()) {
            return new Decision(true, 0);
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        metrics.counter("herald.rate.limited", "channel", channel).increment();
        return new Decision(false, Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9)));
    }

    /**
     * Who is asking: the connection's address, or, when that is a trusted proxy, the nearest address in
     * X-Forwarded-For that is not one (a client can put anything at the left of that header).
     */
    public String client(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    int clientsRemembered() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket newBucket() {
        Bandwidth limit = Bandwidth.builder().capacity(Math.max(1, settings.burst()))
                .refillGreedy(Math.max(1, settings.perMinute()), Duration.ofMinutes(1)).build();
        return Bucket.builder().addLimit(limit).build();
    }
}

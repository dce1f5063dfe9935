package herald.testing;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fixes Herald's clock at Wednesday 26 June 2024, 09:00 UTC, a week after Putin's visit to Vietnam. Enabled
 * only by the test profiles that list it ({@code getEnabledAlternatives}).
 */
@Alternative
public class ClockOn26June2024 {

    public static final Instant NOW = Instant.parse("2024-06-26T09:00:00Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

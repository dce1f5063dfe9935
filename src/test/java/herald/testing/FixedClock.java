package herald.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A clock stopped at {@link #NOW}; only for test profiles that list it in {@code getEnabledAlternatives()}. */
@Alternative
@ApplicationScoped
public class FixedClock {

    /** The day after Putin arrived in Vietnam. */
    public static final Instant NOW = Instant.parse("2024-06-20T09:00:00Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

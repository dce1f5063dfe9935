package herald.ingest;

import io.smallrye.config.ConfigMapping;

import java.time.Period;
import java.util.Optional;

/** How long articles are kept. */
@ConfigMapping(prefix = "herald.retention")
public interface RetentionSettings {

    /** Articles published longer ago than this are removed every hour (ISO-8601, e.g. P90D); unset keeps all. */
    Optional<Period> maxAge();
}

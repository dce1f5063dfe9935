package herald.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.sources.ItemCounts;
import herald.sources.SourceRecord;

import java.time.Instant;

/** A source and how polling it went, as the API shows it; {@code pollEvery} as an ISO-8601 duration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(String id, String url, String name, String pollEvery, boolean configured, Instant createdAt,
                         boolean polling, Instant lastPollAt, Instant nextPollAt, ItemCounts lastPoll, ItemCounts total,
                         String lastError, Instant lastErrorAt) {

    static SourceView of(SourceRecord r, boolean polling) {
        var s = r.source();
        var st = r.status();
        return new SourceView(s.id(), s.url(), s.name(), s.pollEvery().toString(), s.configured(), s.createdAt(), polling,
                st.lastPollAt(), st.nextPollAt(), st.lastPoll(), st.total(), st.lastError(), st.lastErrorAt());
    }
}

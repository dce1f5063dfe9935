package herald.answer;

import herald.config.HeraldConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer cache in this process's memory: at most {@code herald.answer.cache-entries}, least recently used out first. */
public class InMemoryAnswerCache implements AnswerCache {

    private final Clock clock;
    private final Map<String, CachedAnswer> entries;

    public InMemoryAnswerCache(HeraldConfig config, Clock clock) {
        this.clock = clock;
        int capacity = Math.max(1, config.answer().cacheEntries());
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedAnswer> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized List<CachedAnswer> onPassages(String passagesKey) {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
        List<CachedAnswer> found = new ArrayList<>();
        // a few thousand entries at most: a scan costs microseconds, next to the retrieval that preceded it
        for (CachedAnswer e : entries.values()) {
            if (e.passagesKey().equals(passagesKey)) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public synchronized void put(CachedAnswer answer) {
        entries.put(answer.key(), answer);
    }

    @Override
    public synchronized void forgetArticle(String documentId) {
        entries.values().removeIf(e -> e.documentIds().contains(documentId));
    }
}

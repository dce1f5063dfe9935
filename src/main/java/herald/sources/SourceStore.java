package herald.sources;

import java.util.List;
import java.util.Optional;

/**
 * Where sources and their polling state live, so they survive a restart. The embedded implementation keeps
 * them in a file under {@code herald.data-dir}; a shared one lets several instances poll the same sources.
 */
public interface SourceStore {

    List<SourceRecord> all();

    Optional<SourceRecord> find(String id);

    /** Adds or replaces the record with this source id. */
    void save(SourceRecord record);

    /** False when there was no such source. */
    boolean delete(String id);
}

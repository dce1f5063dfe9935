package herald.sources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import herald.config.HeraldConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sources in one JSON file under {@code herald.data-dir}, rewritten whole (to a temporary file, then moved into
 * place) on every change, so a crash leaves the previous or the new file, never half of one. A newsroom has
 * tens of sources, not millions: the whole file stays small.
 */
public class FileSourceStore implements SourceStore {

    private static final TypeReference<List<SourceRecord>> RECORDS = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json = mapper();
    private final Map<String, SourceRecord> records = new LinkedHashMap<>();

    public FileSourceStore(HeraldConfig config) {
        this(config.dataDir().resolve("sources.json"));
    }

    public FileSourceStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (SourceRecord r : json.readValue(file.toFile(), RECORDS)) {
                    records.put(r.source().id(), r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sources in " + file, e);
            }
        }
    }

    /** How a source record is written as JSON, in the file and in the shared store alike. */
    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    @Override
    public synchronized List<SourceRecord> all() {
        List<SourceRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparing(r -> r.source().createdAt()));
        return all;
    }

    @Override
    public synchronized Optional<SourceRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized void save(SourceRecord record) {
        records.put(record.source().id(), record);
        write();
    }

    @Override
    public synchronized boolean delete(String id) {
        boolean held = records.remove(id) != null;
        if (held) {
            write();
        }
        return held;
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new ArrayList<>(records.values()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sources to " + file, e);
        }
    }
}

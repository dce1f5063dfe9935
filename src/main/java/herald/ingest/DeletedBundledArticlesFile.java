package herald.ingest;

import herald.config.HeraldConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/** The deleted bundled articles' ids, one per line in {@code herald.data-dir/deleted-bundled-articles.txt}. */
@DefaultBean
@ApplicationScoped
public class DeletedBundledArticlesFile implements DeletedBundledArticles {

    static final String FILE = "deleted-bundled-articles.txt";

    private final Path file;
    private final Set<String> ids = new LinkedHashSet<>();

    @Inject
    public DeletedBundledArticlesFile(HeraldConfig config) {
        this(config.dataDir().resolve(FILE));
    }

    DeletedBundledArticlesFile(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(ids::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public synchronized boolean contains(String articleId) {
        return ids.contains(articleId);
    }

    @Override
    public synchronized void add(String articleId) {
        if (!ids.add(articleId)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // written aside and moved over, so a crash leaves the old list or the new one, never half of one
            Path next = file.resolveSibling(FILE + ".next");
            Files.write(next, ids, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ids.remove(articleId);
            throw new UncheckedIOException("Cannot remember the deletion in " + file, e);
        }
    }
}

package herald.answer;

import herald.config.HeraldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt files under {@code herald.prompts-dir}, re-read when they change on disk so a prompt can be
 * edited on a running service. Where the folder lacks a file, the copy packaged in the jar is used.
 */
@ApplicationScoped
public class PromptLibrary {

    private static final Logger LOG = Logger.getLogger(PromptLibrary.class);

    public static final String SYSTEM = "system.txt";
    public static final String ANSWER = "answer.txt";
    public static final String REWRITE_FOLLOW_UP = "rewrite-follow-up.txt";

    private record Loaded(FileTime modified, String text) {
    }

    private final Path folder;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    public PromptLibrary(HeraldConfig config) {
        this.folder = config.promptsDir();
    }

    public String get(String name) {
        Path file = folder.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                FileTime modified = Files.getLastModifiedTime(file);
                Loaded loaded = cache.get(name);
                if (loaded == null || !loaded.modified().equals(modified)) {
                    loaded = new Loaded(modified, Files.readString(file, StandardCharsets.UTF_8));
                    cache.put(name, loaded);
                    LOG.debugf("Loaded prompt %s", file);
                }
                return loaded.text();
            }
        } catch (IOException e) {
            LOG.warnf("Cannot read prompt %s (%s); using the packaged copy", file, e.getMessage());
        }
        return packaged(name);
    }

    /** Fills {@code {name}} placeholders; values are inserted as they are, never re-parsed. */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            out.append(template, i, open);
            out.append(values.containsKey(key) ? values.get(key) : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }

    private static String packaged(String name) {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream("prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No prompt named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

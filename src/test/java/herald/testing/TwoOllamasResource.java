package herald.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Two stub Ollama servers of one slot each, listed in {@code herald.llm.endpoints}, and a fresh data folder. */
public class TwoOllamasResource implements QuarkusTestResourceLifecycleManager {

    public static final StubOllama FIRST = new StubOllama();
    public static final StubOllama SECOND = new StubOllama();

    @Override
    public Map<String, String> start() {
        try {
            FIRST.start();
            SECOND.start();
            return Map.of(
                    "herald.llm.endpoints", FIRST.baseUrl() + "=1," + SECOND.baseUrl() + "=1",
                    "herald.data-dir", Files.createTempDirectory("herald-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        FIRST.stop();
        SECOND.stop();
    }
}

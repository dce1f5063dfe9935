package herald.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the stub Ollama and gives the service a fresh, empty data folder for the test run. */
public class StubOllamaResource implements QuarkusTestResourceLifecycleManager {

    public static final StubOllama OLLAMA = new StubOllama();

    @Override
    public Map<String, String> start() {
        try {
            OLLAMA.start();
            Path dataDir = Files.createTempDirectory("herald-test-data");
            return Map.of(
                    "quarkus.langchain4j.ollama.base-url", OLLAMA.baseUrl(),
                    "herald.data-dir", dataDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        OLLAMA.stop();
    }
}

package herald.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service as a newcomer without Ollama runs it: answers quoted from the passages. */
public class RetrievalOnlyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herald.answer.mode", "retrieval-only");
    }
}

package herald.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Where the LLM runs: the Ollama endpoints and how many generations each runs at once. */
@ConfigMapping(prefix = "herald.llm")
public interface LlmSettings {

    /**
     * Ollama base URLs, each optionally followed by {@code =slots} ({@code http://gpu1:11434=4}); unset means
     * {@code quarkus.langchain4j.ollama.base-url} alone.
     */
    Optional<List<String>> endpoints();

    /** Generations an endpoint runs at once when it names no slots: Ollama's {@code OLLAMA_NUM_PARALLEL} (1 on a CPU). */
    @WithDefault("1")
    int slots();
}

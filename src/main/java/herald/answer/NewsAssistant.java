package herald.answer;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/**
 * The LangChain4j AI service over quarkus-langchain4j's Ollama model. Prompts are built by Herald from
 * the files under {@code prompts/}, so memory and retrieval are switched off here: Herald budgets both
 * itself to fit {@code num_ctx}. Every call streams, so {@link OllamaContextWindow} sees each request.
 */
@RegisterAiService(
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class,
        retrievalAugmentor = RegisterAiService.NoRetrievalAugmentorSupplier.class)
public interface NewsAssistant {

    @SystemMessage("{rules}")
    @UserMessage("{prompt}")
    Multi<String> answer(String rules, String prompt);

    @UserMessage("{prompt}")
    Multi<String> complete(String prompt);
}

package herald.answer;

import herald.config.HeraldConfig;
import io.quarkiverse.langchain4j.ollama.ChatRequest;
import io.quarkiverse.langchain4j.ollama.Options;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@code num_ctx} and {@code num_predict} to every chat request sent to Ollama. quarkus-langchain4j
 * 1.7.0 has no setting for {@code num_ctx}, and without it Ollama uses its own default context and cuts
 * longer prompts silently, which would drop the passages Herald budgeted in.
 */
@Provider
public class OllamaContextWindow implements ClientRequestFilter {

    private final HeraldConfig config;

    public OllamaContextWindow(HeraldConfig config) {
        this.config = config;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getEntity() instanceof ChatRequest chat) {
            Options o = chat.options();
            Options sized = new Options(o == null ? null : o.temperature(), o == null ? null : o.topK(),
                    o == null ? null : o.topP(), o == null ? null : o.repeatPenalty(), o == null ? null : o.seed(),
                    config.answer().answerTokens(), config.answer().numCtx(), o == null ? null : o.stop());
            request.setEntity(ChatRequest.builder().from(chat).options(sized).build(), request.getEntityAnnotations(),
                    request.getMediaType() == null ? jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE : request.getMediaType());
        }
    }
}

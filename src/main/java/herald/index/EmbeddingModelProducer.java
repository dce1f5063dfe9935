package herald.index;

import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The in-process embedding model: bge-small-en-v1.5, quantized, shipped inside its jar (384 dimensions). */
public class EmbeddingModelProducer {

    public static final int DIMENSIONS = 384;

    @Produces
    @Singleton
    EmbeddingModel embeddingModel() {
        return new BgeSmallEmbeddingModel(Runtime.getRuntime().availableProcessors());
    }

    void close(@Disposes EmbeddingModel model) {
        if (model instanceof BgeSmallEmbeddingModel own) {
            own.close();
        }
    }
}

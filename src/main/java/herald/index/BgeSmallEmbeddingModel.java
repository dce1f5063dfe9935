package herald.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * bge-small-en-v1.5 (quantized), the ONNX model shipped in LangChain4j's jar, on one shared session whose
 * every call runs on a single thread, fed by one worker per core. The stock class lets each call use
 * every core, so its parallel {@code embedAll} only makes the calls fight over them; here they no longer
 * do (docs/benchmarks.md has the before and after).
 */
public class BgeSmallEmbeddingModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final ExecutorService workers;
    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    public BgeSmallEmbeddingModel(int workers) {
        this(Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "herald-embedding");
            t.setDaemon(true);
            return t;
        }));
    }

    private BgeSmallEmbeddingModel(ExecutorService workers) {
        super(workers);
        this.workers = workers;
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            session = environment.createSession(model.readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return EmbeddingModelProducer.DIMENSIONS;
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BgeSmallEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The embedding model file " + name + " is not on the class path");
        }
        return in;
    }
}

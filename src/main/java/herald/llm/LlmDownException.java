package herald.llm;

/** No endpoint can take a generation: every one failed recently and is skipped until its retry-after passes. */
public class LlmDownException extends RuntimeException {

    public LlmDownException(String message) {
        super(message, null, false, false);
    }
}

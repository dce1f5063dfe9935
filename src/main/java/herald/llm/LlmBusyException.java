package herald.llm;

/** Every slot was taken for longer than the wait budget allows (or would have been): the question was not sent. */
public class LlmBusyException extends RuntimeException {

    public LlmBusyException(String message) {
        super(message, null, false, false);
    }
}

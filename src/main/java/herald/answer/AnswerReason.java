package herald.answer;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why an answer is not the LLM's own: the reader is told, so a quote is never mistaken for the AI's
 * considered answer. An LLM answer that passed every check has no reason.
 */
public enum AnswerReason {
    /** Quoting is the configured mode ({@code herald.answer.mode=retrieval-only}). */
    MODE_SETTING("mode-setting"),
    /** Ollama could not be reached, failed, or its breaker is open. */
    LLM_DOWN("llm-down"),
    /** Every LLM slot was taken for longer than the wait budget. */
    BUSY("busy"),
    /** The LLM's answer stated nothing its cited passages hold. */
    UNSUPPORTED("unsupported"),
    /** The question named a time ("last week") in which no relevant article was published: nothing to ask the LLM. */
    NOTHING_IN_WINDOW("nothing-in-window");

    private final String wire;

    AnswerReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

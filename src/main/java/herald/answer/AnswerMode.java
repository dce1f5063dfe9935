package herald.answer;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote the answer: the LLM, or Herald quoting the passages because the LLM was not available. */
public enum AnswerMode {
    LLM("llm"),
    RETRIEVAL_ONLY("retrieval-only");

    private final String wire;

    AnswerMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

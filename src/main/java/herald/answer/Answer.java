package herald.answer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The reply to a question, with the passages it cites.
 *
 * @param answerId names this answer for feedback; unique per answer, also when it was served from a cache
 * @param reason   why the answer is a quote rather than the LLM's, or null for an LLM answer
 * @param cached   true when an earlier identical answer was reused
 */
public record Answer(String answerId, String answer, String conversationId, AnswerMode mode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) AnswerReason reason, boolean cached,
                    List<Source> sources) {

    /** A fresh answer (not from a cache) with a new id. */
    public static Answer of(String answer, String conversationId, AnswerMode mode, AnswerReason reason, List<Source> sources) {
        return new Answer(java.util.UUID.randomUUID().toString(), answer, conversationId, mode, reason, false, sources);
    }
}

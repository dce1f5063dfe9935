package herald.answer;

import java.time.Duration;

/**
 * Fired (as a CDI event) once a question has its whole answer, for whoever learns from answers, such as
 * the newsroom's question log. Answering never waits on, or fails because of, what observers do.
 *
 * @param standaloneQuestion the question as retrieval saw it: a follow-up rewritten to stand on its own
 * @param latency            from the question's arrival to its last answer event
 */
public record AnsweredQuestion(Question question, String standaloneQuestion, Answer answer, Duration latency) {

    /**
     * Whether Herald said the articles do not hold the answer (retrieval-only and LLM answers alike), including
     * "the articles say nothing from 2022": the reader looked for a story and did not find it.
     */
    public boolean refused() {
        if (answer.reason() == AnswerReason.NOTHING_IN_WINDOW) {
            return true;
        }
        String text = answer.answer() == null ? "" : answer.answer().strip();
        // the refusal sentence may lose its full stop or gain a note on what the articles do cover
        return text.isEmpty() || text.startsWith(RetrievalOnlyAnswerer.REFUSAL.substring(0, RetrievalOnlyAnswerer.REFUSAL.length() - 1));
    }
}

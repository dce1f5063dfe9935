package herald.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import herald.answer.AnswerMode;
import herald.answer.AnswerReason;
import herald.answer.Channel;

import java.time.Instant;
import java.util.List;

/**
 * What the question log keeps of one answered question: the question and its answer, never who asked
 * (no IP address, Slack user, cookie or conversation id).
 *
 * @param standaloneQuestion the question as retrieval saw it (a follow-up rewritten to stand alone)
 * @param refused            Herald said the articles do not hold the answer
 * @param articles           the articles the answer cites, or for a refusal the ones it searched
 * @param vector             the standalone question's embedding, for grouping paraphrases in the report
 */
public record LoggedQuestion(String answerId, Instant askedAt, Channel channel, String question, String standaloneQuestion,
                             AnswerMode mode, AnswerReason reason, boolean refused, String answer,
                             List<LoggedArticle> articles, long latencyMillis, @JsonIgnore float[] vector) {

    /** An article as the log names it. */
    public record LoggedArticle(String documentId, String title) {
    }
}

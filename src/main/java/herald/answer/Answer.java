package herald.answer;

import java.util.List;

/** The reply to a question, with the passages it cites. */
public record Answer(String answer, String conversationId, AnswerMode mode, List<Source> sources) {
}

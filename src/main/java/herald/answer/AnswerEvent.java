package herald.answer;

import java.util.List;

/** What a streamed answer is made of: the sources first, then text pieces, then the whole answer. */
public sealed interface AnswerEvent {

    record Sources(List<Source> sources) implements AnswerEvent {
    }

    record Token(String text) implements AnswerEvent {
    }

    record Done(Answer answer) implements AnswerEvent {
    }
}

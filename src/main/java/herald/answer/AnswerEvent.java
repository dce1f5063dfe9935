package herald.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a streamed answer is made of: the sources first, then text pieces, then the whole answer. While the
 * question waits for the LLM, {@link Queued} events say where it stands.
 */
public sealed interface AnswerEvent {

    /** Waiting for an LLM slot: {@code position} 1 is next. */
    record Queued(int position, long estimatedWaitSeconds) implements AnswerEvent {
    }

    record Sources(List<Source> sources) implements AnswerEvent {
    }

    record Token(String text) implements AnswerEvent {
    }

    record Done(Answer answer) implements AnswerEvent {
    }

    /** A finished answer (a quote, or one reused from the cache) as a stream: its sources, its text in word-sized pieces, then itself. */
    static List<AnswerEvent> of(Answer answer) {
        List<AnswerEvent> events = new ArrayList<>();
        events.add(new Sources(answer.sources()));
        for (String piece : answer.answer().split("(?<=\\s)")) {
            events.add(new Token(piece));
        }
        events.add(new Done(answer));
        return events;
    }
}

package herald.llm;

import java.time.Duration;

/** What a generation yields: where it stands in the queue while it waits, then the text as it is written. */
public sealed interface LlmEvent {

    /** Still waiting for a slot: {@code position} 1 is next. */
    record Queued(int position, Duration estimatedWait) implements LlmEvent {
    }

    record Token(String text) implements LlmEvent {
    }
}

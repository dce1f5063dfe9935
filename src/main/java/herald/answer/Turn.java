package herald.answer;

import java.util.Set;

/**
 * One exchange of a conversation: the question as asked, as understood on its own, the answer, and the
 * articles the answer cited (what a follow-up's "he" or "there" most likely points into).
 */
public record Turn(String question, String standaloneQuestion, String answer, Set<String> citedDocuments) {

    /** Enough of an answer for a follow-up's context; memory per conversation stays bounded whatever was answered. */
    public static final int MAX_ANSWER_CHARS = 4000;

    public Turn {
        answer = Source.bounded(answer, MAX_ANSWER_CHARS);
        standaloneQuestion = Source.bounded(standaloneQuestion, MAX_ANSWER_CHARS);
    }
}

package herald.answer;

import java.util.Set;

/**
 * One exchange of a conversation: the question as asked, as understood on its own, the answer, and the
 * articles the answer cited (what a follow-up's "he" or "there" most likely points into).
 */
public record Turn(String question, String standaloneQuestion, String answer, Set<String> citedDocuments) {
}

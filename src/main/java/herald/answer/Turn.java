package herald.answer;

/** One exchange of a conversation: the question as asked, as understood on its own, and the answer. */
public record Turn(String question, String standaloneQuestion, String answer) {
}

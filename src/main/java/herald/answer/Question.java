package herald.answer;

/**
 * A reader's question as a channel hands it to {@link QuestionAnswerer}.
 *
 * @param conversationId null or blank to start a new conversation
 */
public record Question(String text, String conversationId, Channel channel) {

    public static Question rest(String text, String conversationId) {
        return new Question(text, conversationId, Channel.REST);
    }
}

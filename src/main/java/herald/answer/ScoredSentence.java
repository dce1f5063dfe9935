package herald.answer;

/**
 * A sentence of the retrieved passages, scored as an answer to the question.
 *
 * @param sentence   the sentence as written
 * @param citation   the 1-based citation number of the passage it comes from
 * @param position   its position among that passage's sentences
 * @param score      how well it answers the question, everything counted
 * @param similarity cosine of its embedding to the question's
 */
record ScoredSentence(String sentence, int citation, int position, double score, double similarity) {
}

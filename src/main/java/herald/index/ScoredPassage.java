package herald.index;

/** A passage and the score one ranker gave it. */
public record ScoredPassage(IndexedPassage passage, double score) {
}

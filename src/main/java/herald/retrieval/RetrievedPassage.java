package herald.retrieval;

import herald.index.IndexedPassage;

/**
 * A passage chosen for a question, with the fused score that ranked it and the cosine similarity of its
 * embedding to the question (the signal relevance thresholds are calibrated on).
 */
public record RetrievedPassage(IndexedPassage passage, double score, double cosine) {
}

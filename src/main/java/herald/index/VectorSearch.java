package herald.index;

/**
 * A nearest-neighbour search. HNSW's k is also its search width, so it is asked for {@code candidates}
 * and only the best {@code limit} are kept.
 */
public record VectorSearch(float[] vector, int limit, int candidates, PassageFilter filter) {

    public static VectorSearch of(float[] vector, int limit, int candidates) {
        return new VectorSearch(vector, limit, candidates, PassageFilter.ANY);
    }

    public VectorSearch within(PassageFilter filter) {
        return new VectorSearch(vector, limit, candidates, filter);
    }
}

package herald.index;

/** A BM25 search: the question's words, how many passages to return, and which articles may answer. */
public record TextSearch(String question, int limit, PassageFilter filter) {

    public static TextSearch of(String question, int limit) {
        return new TextSearch(question, limit, PassageFilter.ANY);
    }

    public TextSearch within(PassageFilter filter) {
        return new TextSearch(question, limit, filter);
    }
}

package herald.index;

/** A few consecutive sentences of an article: the unit that is retrieved and cited. */
public record Passage(int ordinal, String text) {
}

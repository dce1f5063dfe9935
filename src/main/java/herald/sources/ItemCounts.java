package herald.sources;

/** What polling did with a source's items. */
public record ItemCounts(long seen, long added, long updated, long unchanged, long failed) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0);

    public ItemCounts plus(ItemCounts other) {
        return new ItemCounts(seen + other.seen, added + other.added, updated + other.updated,
                unchanged + other.unchanged, failed + other.failed);
    }
}

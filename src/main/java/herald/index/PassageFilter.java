package herald.index;

import java.time.LocalDate;

/**
 * Which passages a search may return, applied inside the engine (before HNSW picks its k, so a narrow window
 * still gets k passages). Today a publication-date window, both ends inclusive and optional; an article
 * without a publication date is outside every bounded window.
 */
public record PassageFilter(LocalDate publishedFrom, LocalDate publishedTo) {

    public static final PassageFilter ANY = new PassageFilter(null, null);

    public static PassageFilter publishedBetween(LocalDate from, LocalDate to) {
        return new PassageFilter(from, to);
    }

    public boolean isAny() {
        return publishedFrom == null && publishedTo == null;
    }
}

package herald.index;

import java.time.LocalDate;

/** A passage as stored, with the metadata of its article so it can be cited alone. */
public record IndexedPassage(String documentId, int ordinal, String title, String source, LocalDate publishedAt,
                             String text) {

    /** Stable across restarts: article id and position. */
    public String passageId() {
        return documentId + "#" + ordinal;
    }
}

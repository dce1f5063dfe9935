package herald.answer;

import herald.retrieval.RetrievedPassage;

import java.time.LocalDate;

/** A passage an answer rests on; sources are numbered in order, [1] being the first. */
public record Source(String documentId, String title, String source, LocalDate publishedAt, String text, double score) {

    static Source of(RetrievedPassage r) {
        var p = r.passage();
        return new Source(p.documentId(), p.title(), p.source(), p.publishedAt(), p.text(), Math.round(r.score() * 1e4) / 1e4);
    }
}

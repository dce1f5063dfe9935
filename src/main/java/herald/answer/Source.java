package herald.answer;

import herald.retrieval.RetrievedPassage;

import java.time.LocalDate;

/** A passage an answer rests on; sources are numbered in order, [1] being the first. */
public record Source(String documentId, String title, String source, LocalDate publishedAt, String text, double score) {

    /** Adjacent passages of one article cited as one source: its text is theirs, each sentence once. */
    static Source merged(java.util.List<RetrievedPassage> run, String text) {
        Source first = of(run.get(0));
        double best = run.stream().mapToDouble(RetrievedPassage::score).max().orElse(0);
        return new Source(first.documentId(), first.title(), first.source(), first.publishedAt(), text, Math.round(best * 1e4) / 1e4);
    }

    static Source of(RetrievedPassage r) {
        var p = r.passage();
        return new Source(p.documentId(), p.title(), p.source(), p.publishedAt(), p.text(), Math.round(r.score() * 1e4) / 1e4);
    }
}

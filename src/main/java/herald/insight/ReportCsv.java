package herald.insight;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as one CSV table for a spreadsheet: a {@code section} column says which list a row belongs
 * to (total, day, top, unanswered, thumbs-down, article); columns a section does not use are empty.
 */
final class ReportCsv {

    static final String HEADER = "section,date,question,count,answered,refused,thumbs_up,thumbs_down,answer,comment,articles";

    private ReportCsv() {
    }

    static String of(QuestionReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        QuestionReport.Totals t = report.totals();
        row(csv, "total", report.from() + "/" + report.to(), "", t.asked(), t.answered(), t.refused(), t.thumbsUp(), t.thumbsDown(), "", "", "");
        for (Map.Entry<String, Map<String, Long>> breakdown : Map.of("mode", t.byMode(), "reason", t.byReason(), "channel", t.byChannel())
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            breakdown.getValue().forEach((name, count) ->
                    row(csv, "total-" + breakdown.getKey(), "", name, count, "", "", "", "", "", "", ""));
        }
        for (QuestionReport.Day d : report.byDay()) {
            row(csv, "day", d.date(), "", d.asked(), d.answered(), d.refused(), d.thumbsUp(), d.thumbsDown(), "", "", "");
        }
        groups(csv, "top", report.top());
        groups(csv, "unanswered", report.unanswered());
        for (QuestionReport.ThumbDown down : report.thumbsDown()) {
            row(csv, "thumbs-down", down.askedAt(), down.question(), "", "", "", "", "", down.answer(),
                    down.comment() == null ? "" : down.comment(), titles(down.sources()));
        }
        for (QuestionReport.CitedArticle a : report.articles()) {
            row(csv, "article", "", "", a.citations(), "", "", "", "", "", "", a.title() + " (" + a.documentId() + ")");
        }
        return csv.toString();
    }

    private static void groups(StringBuilder csv, String section, List<QuestionReport.Group> groups) {
        for (QuestionReport.Group g : groups) {
            row(csv, section, "", g.question(), g.count(), "", "", "", "", "", "", "");
        }
    }

    private static String titles(List<LoggedQuestion.LoggedArticle> articles) {
        return articles.stream().map(LoggedQuestion.LoggedArticle::title).collect(Collectors.joining("; "));
    }

    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(String.valueOf(cells[i])));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a reader's text starting like a formula is defused, so a spreadsheet shows it rather than runs it. */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

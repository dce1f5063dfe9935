package herald.insight;

import herald.config.HeraldConfig;
import herald.retrieval.CachedEmbeddings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the newsroom's report from the question log and the ratings. */
@ApplicationScoped
public class QuestionReporter {

    private final QuestionLog log;
    private final FeedbackStore feedback;
    private final CachedEmbeddings embeddings;
    private final QuestionsSettings settings;
    private final String queryInstruction;

    public QuestionReporter(QuestionLog log, FeedbackStore feedback, CachedEmbeddings embeddings, QuestionsSettings settings,
                            HeraldConfig config) {
        this.log = log;
        this.feedback = feedback;
        this.embeddings = embeddings;
        this.settings = settings;
        this.queryInstruction = config.retrieval().queryInstruction();
    }

    /** The report for the days {@code from} to {@code to}, both included (UTC). */
    public QuestionReport report(LocalDate from, LocalDate to) {
        List<LoggedQuestion> questions = log.between(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, LoggedQuestion> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.answerId(), q));
        List<Feedback> ratings = feedback.forAnswers(byId.keySet());
        int rows = settings.reportRows();

        Map<String, float[]> vectors = new HashMap<>();
        questions.stream().filter(q -> q.vector() != null).forEach(q -> vectors.putIfAbsent(q.standaloneQuestion(), q.vector()));
        QuestionGrouper grouper = new QuestionGrouper(settings.groupSimilarity());
        var vectorOf = (java.util.function.Function<String, float[]>) text ->
                vectors.computeIfAbsent(text, t -> embeddings.embed(queryInstruction + t));

        List<QuestionReport.Group> top = grouper.group(questions.stream().map(LoggedQuestion::standaloneQuestion).toList(), vectorOf);
        List<QuestionReport.Group> unanswered = grouper.group(
                questions.stream().filter(LoggedQuestion::refused).map(LoggedQuestion::standaloneQuestion).toList(), vectorOf);

        List<QuestionReport.ThumbDown> thumbsDown = ratings.stream()
                .filter(f -> f.rating() == Rating.DOWN)
                .sorted(Comparator.comparing(Feedback::ratedAt).reversed())
                .map(f -> {
                    LoggedQuestion q = byId.get(f.answerId());
                    return new QuestionReport.ThumbDown(q.answerId(), q.askedAt(), q.channel().wire(), q.mode().wire(),
                            q.question(), q.answer(), f.comment(), q.articles());
                })
                .limit(rows).toList();

        return new QuestionReport(from, to, totals(questions, ratings), byDay(questions, ratings, byId),
                first(top, rows), first(unanswered, rows), thumbsDown, articles(questions, rows));
    }

    private static QuestionReport.Totals totals(List<LoggedQuestion> questions, List<Feedback> ratings) {
        long refused = questions.stream().filter(LoggedQuestion::refused).count();
        return new QuestionReport.Totals(questions.size(), questions.size() - refused, refused,
                count(questions, q -> q.mode().wire()),
                count(questions.stream().filter(q -> q.reason() != null).toList(), q -> q.reason().wire()),
                count(questions, q -> q.channel().wire()),
                ratings.stream().filter(f -> f.rating() == Rating.UP).count(),
                ratings.stream().filter(f -> f.rating() == Rating.DOWN).count());
    }

    private static List<QuestionReport.Day> byDay(List<LoggedQuestion> questions, List<Feedback> ratings,
                                                  Map<String, LoggedQuestion> byId) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LoggedQuestion q : questions) {
            long[] day = days.computeIfAbsent(day(q.askedAt()), d -> new long[5]);
            day[0]++;
            day[q.refused() ? 2 : 1]++;
        }
        // a rating counts on the day of the question it rates, so a day's figures describe that day's answers
        for (Feedback f : ratings) {
            days.computeIfAbsent(day(byId.get(f.answerId()).askedAt()), d -> new long[5])[f.rating() == Rating.UP ? 3 : 4]++;
        }
        List<QuestionReport.Day> out = new ArrayList<>();
        days.forEach((date, n) -> out.add(new QuestionReport.Day(date, n[0], n[1], n[2], n[3], n[4])));
        return out;
    }

    private static List<QuestionReport.CitedArticle> articles(List<LoggedQuestion> questions, int rows) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Long> citations = new LinkedHashMap<>();
        questions.stream().filter(q -> !q.refused()).flatMap(q -> q.articles().stream()).forEach(a -> {
            titles.putIfAbsent(a.documentId(), a.title());
            citations.merge(a.documentId(), 1L, Long::sum);
        });
        return citations.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(rows)
                .map(e -> new QuestionReport.CitedArticle(e.getKey(), titles.get(e.getKey()), e.getValue()))
                .toList();
    }

    private static Map<String, Long> count(List<LoggedQuestion> questions, java.util.function.Function<LoggedQuestion, String> key) {
        return questions.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}

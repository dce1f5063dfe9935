package herald.eval;

import herald.answer.Answer;
import herald.answer.AnswerMode;
import herald.answer.ConversationStore;
import herald.answer.QuestionAnswerer;
import herald.answer.RetrievalOnlyAnswerer;
import herald.answer.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a labelled question set through an answerer (in-process, or a running service over HTTP) and
 * scores retrieval, answers and refusals.
 */
public class Evaluator {

    /** Whatever answers: {@link QuestionAnswerer#ask} in-process, or {@link ServiceAnswerer} over HTTP. */
    public interface Answerer {
        Answer ask(String question, String conversationId);
    }

    private final Answerer answerer;

    public Evaluator(Answerer answerer) {
        this.answerer = answerer;
    }

    /** One question's outcome; {@code goldRank} is 1-based, 0 when no source holds the gold passage. */
    public record Outcome(LabelledQuestion question, boolean right, int goldRank, AnswerMode mode, long millis, String answer) {
    }

    public record Report(List<Outcome> outcomes) {

        public double recallAt(int k) {
            List<Outcome> answerable = answerable();
            return answerable.isEmpty() ? 0
                    : answerable.stream().filter(o -> o.goldRank() > 0 && o.goldRank() <= k).count() / (double) answerable.size();
        }

        public double meanReciprocalRank() {
            return answerable().stream().mapToDouble(o -> o.goldRank() == 0 ? 0 : 1.0 / o.goldRank()).average().orElse(0);
        }

        public double answerAccuracy() {
            return share(answerable());
        }

        public double refusalAccuracy() {
            return share(outcomes.stream().filter(o -> !o.question().answerable()).toList());
        }

        public long latencyPercentile(double p) {
            List<Long> sorted = outcomes.stream().map(Outcome::millis).sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        /** The outcomes of one half of the set, to report figures on the half that was not tuned on. */
        public Report half(LabelledQuestion.Half half) {
            return new Report(outcomes.stream().filter(o -> o.question().half() == half).toList());
        }

        private List<Outcome> answerable() {
            return outcomes.stream().filter(o -> o.question().answerable()).toList();
        }

        private static double share(List<Outcome> list) {
            return list.isEmpty() ? 1 : list.stream().filter(Outcome::right).count() / (double) list.size();
        }

        /** One line per question, then the totals. */
        public String format() {
            StringBuilder out = new StringBuilder();
            for (Outcome o : outcomes) {
                out.append(String.format(Locale.ROOT, "%-6s %-5s gold@%-2s %-14s %5d ms  %s%n    -> %s%n", o.question().id(),
                        o.right() ? "right" : "WRONG", o.question().answerable() ? String.valueOf(o.goldRank()) : "-",
                        o.mode().wire(), o.millis(), o.question().question(), abbreviate(o.answer())));
            }
            out.append(String.format(Locale.ROOT,
                    "%d questions: recall@1 %.3f  recall@5 %.3f  MRR %.3f  answers %.3f  refusals %.3f  latency p50 %d ms  p95 %d ms%n",
                    outcomes.size(), recallAt(1), recallAt(5), meanReciprocalRank(), answerAccuracy(), refusalAccuracy(),
                    latencyPercentile(0.5), latencyPercentile(0.95)));
            return out.toString();
        }

        private static String abbreviate(String s) {
            return s.length() <= 200 ? s : s.substring(0, 200) + "…";
        }
    }

    public Report run(List<LabelledQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledQuestion q : questions) {
            String conversation = ConversationStore.newId();
            for (String earlier : q.historyOrEmpty()) {
                answerer.ask(earlier, conversation);
            }
            long start = System.nanoTime();
            Answer a = answerer.ask(q.question(), conversation);
            long millis = (System.nanoTime() - start) / 1_000_000;
            outcomes.add(score(q, a, millis));
        }
        return new Report(outcomes);
    }

    static Outcome score(LabelledQuestion q, Answer a, long millis) {
        String text = a.answer().toLowerCase(Locale.ROOT);
        boolean refused = isRefusal(text);
        int goldRank = 0;
        if (q.answerable()) {
            List<Source> sources = a.sources();
            for (int i = 0; i < sources.size() && goldRank == 0; i++) {
                if (sources.get(i).text().contains(q.goldPassage())) {
                    goldRank = i + 1;
                }
            }
        }
        boolean right = q.answerable()
                ? !refused && q.expectAny().stream().anyMatch(e -> text.contains(e.toLowerCase(Locale.ROOT)))
                : refused;
        return new Outcome(q, right, goldRank, a.mode(), millis, a.answer());
    }

    static boolean isRefusal(String lowerCaseAnswer) {
        return lowerCaseAnswer.contains(RetrievalOnlyAnswerer.REFUSAL.toLowerCase(Locale.ROOT).replace(".", ""))
                || lowerCaseAnswer.contains("do not say") || lowerCaseAnswer.contains("don't say");
    }
}

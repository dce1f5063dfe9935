package herald.cli;

import herald.answer.PromptBuilder;
import herald.answer.QuestionAnswerer;
import herald.eval.Evaluator;
import herald.eval.LabelledQuestion;
import herald.eval.PromptStats;
import herald.retrieval.HybridRetriever;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eval --questions FILE [--corpus DIR] [--url URL] [--half tuning|held-out] [--min-recall5 X] [--min-answers X] [--min-refusals X]}:
 * answers a labelled question set and prints per-question results and totals; exits 1 when a total falls
 * below its floor, so CI can gate on it. In-process it runs on a fresh, temporary index (the bundled
 * article plus {@code --corpus}), never on the service's own; with {@code --url} it asks a running service.
 * {@code --half} keeps one half of the set ({@link LabelledQuestion#half()}): tune on one, report the other;
 * {@code --article} keeps the questions answered by one article.
 */
@ApplicationScoped
public class EvalCommand {

    private final QuestionAnswerer answerer;
    private final FolderIngestCommand ingest;
    private final HybridRetriever retriever;
    private final PromptBuilder prompts;

    public EvalCommand(QuestionAnswerer answerer, FolderIngestCommand ingest, HybridRetriever retriever, PromptBuilder prompts) {
        this.answerer = answerer;
        this.ingest = ingest;
        this.retriever = retriever;
        this.prompts = prompts;
    }

    int run(String... args) {
        if (java.util.Arrays.asList(args).contains("--prompt-stats")) {
            return promptStats(args);
        }
        return run(answerer::ask, ingest, args);
    }

    /**
     * {@code eval --prompt-stats --questions FILE [--corpus DIR] [--article NAME]}: the prompt the LLM would be
     * sent for each question (built exactly as when answering, nothing sent), its characters, estimated tokens and
     * the seconds a CPU takes to read it.
     */
    int promptStats(String... args) {
        String questions = option(args, "--questions");
        if (questions == null) {
            HeraldMain.TERMINAL.println("eval --prompt-stats needs --questions FILE");
            return 2;
        }
        String corpus = option(args, "--corpus");
        if (corpus != null && FolderIngestCommand.run(ingest, corpus) != 0) {
            return 1;
        }
        List<LabelledQuestion> set;
        try {
            set = select(LabelledQuestion.parse(Files.readString(Path.of(questions), StandardCharsets.UTF_8)), args);
        } catch (IOException e) {
            HeraldMain.TERMINAL.println("Cannot read " + questions + ": " + e.getMessage());
            return 1;
        }
        PromptStats.Report report = new PromptStats(q -> prompts.build(q, retriever.retrieve(q), List.of())).run(set);
        HeraldMain.TERMINAL.print(report.format());
        return 0;
    }

    /** The questions {@code --half} and {@code --article} keep. */
    static List<LabelledQuestion> select(List<LabelledQuestion> set, String... args) {
        String half = option(args, "--half");
        String article = option(args, "--article");
        LabelledQuestion.Half wanted = half == null ? null : LabelledQuestion.Half.parse(half);
        return set.stream()
                .filter(q -> wanted == null || q.half() == wanted)
                .filter(q -> article == null || article.equals(q.article()))
                .filter(q -> article == null || q.historyOrEmpty().isEmpty())
                .toList();
    }

    /** @param ingest the in-process ingestion for {@code --corpus}, or null when asking a service */
    static int run(Evaluator.Answerer answerer, FolderIngestCommand ingest, String... args) {
        String questions = option(args, "--questions");
        if (questions == null) {
            HeraldMain.TERMINAL.println("eval needs --questions FILE (JSON lines: id, question, history?, answerable, expect_any, gold_passage)");
            return 2;
        }
        String corpus = option(args, "--corpus");
        String url = option(args, "--url");
        if (corpus != null && FolderIngestCommand.run(ingest, url == null ? new String[]{corpus} : new String[]{corpus, "--url", url}) != 0) {
            return 1;
        }
        Evaluator.Report report;
        try {
            report = new Evaluator(answerer).run(select(LabelledQuestion.parse(Files.readString(Path.of(questions), StandardCharsets.UTF_8)), args));
        } catch (IOException e) {
            HeraldMain.TERMINAL.println("Cannot read " + questions + ": " + e.getMessage());
            return 1;
        }
        HeraldMain.TERMINAL.print(report.format());
        boolean pass = atLeast("recall@5", report.recallAt(5), option(args, "--min-recall5"))
                & atLeast("answer accuracy", report.answerAccuracy(), option(args, "--min-answers"))
                & atLeast("refusal accuracy", report.refusalAccuracy(), option(args, "--min-refusals"));
        return pass ? 0 : 1;
    }

    private static boolean atLeast(String name, double value, String floor) {
        if (floor != null && value < Double.parseDouble(floor)) {
            HeraldMain.TERMINAL.printf("FAIL: %s %.3f is below %s%n", name, value, floor);
            return false;
        }
        return true;
    }

    static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}

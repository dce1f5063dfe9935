package herald.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * Entry point. Without arguments (or with {@code serve}) Herald runs as a service; {@code ingest} and
 * {@code eval} are one-off commands that print to the terminal and exit.
 */
@QuarkusMain
public class HeraldMain implements QuarkusApplication {

    /** The terminal a command reports to: a command's output is its user interface, not logging. */
    static final PrintStream TERMINAL = System.out;

    private final FolderIngestCommand ingest;
    private final EvalCommand eval;
    private final MigrateCommand migrate;

    public HeraldMain(FolderIngestCommand ingest, EvalCommand eval, MigrateCommand migrate) {
        this.ingest = ingest;
        this.eval = eval;
        this.migrate = migrate;
    }

    public static void main(String... args) {
        if (args.length > 1 && args[0].equals("ingest") && Arrays.asList(args).contains("--url")) {
            // through a running service's API: nothing of our own to start
            System.exit(FolderIngestCommand.run(null, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 1 && args[0].equals("eval") && Arrays.asList(args).contains("--url")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(EvalCommand.run(new herald.eval.ServiceAnswerer(EvalCommand.option(rest, "--url")), null, rest));
        }
        if (args.length > 0 && !args[0].equals("serve")) {
            // a one-off command must not take the port of a service that may be running beside it
            System.setProperty("quarkus.http.port", "0");
            if (System.getProperty("quarkus.log.console.level") == null) {
                System.setProperty("quarkus.log.console.level", "WARN");
            }
            System.setProperty("quarkus.banner.enabled", "false");
        }
        if (args.length > 0 && args[0].equals("migrate")) {
            // the embedded index is the source, whatever the environment says the service runs on
            System.setProperty("herald.index.backend", "lucene");
            System.setProperty("herald.corpus.bundled", "false");
        }
        if (args.length > 0 && args[0].equals("eval")) {
            // an evaluation gets an index of its own, and the mode it is asked for
            String mode = EvalCommand.option(args, "--mode");
            System.setProperty("herald.answer.mode", mode == null ? "retrieval-only" : mode);
            try {
                System.setProperty("herald.data-dir", Files.createTempDirectory("herald-eval").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Quarkus.run(HeraldMain.class, (code, failure) -> {
            if (failure != null) {
                Throwable root = failure;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                if (root instanceof org.apache.lucene.store.LockObtainFailedException) {
                    TERMINAL.println("The index is in use by a running Herald. Stop it, or ingest through it: ingest FOLDER --url http://localhost:8080");
                } else {
                    failure.printStackTrace();
                }
            }
            System.exit(code);
        }, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.waitForExit();
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "ingest" -> FolderIngestCommand.run(ingest, rest);
            case "eval" -> eval.run(rest);
            case "migrate" -> migrate.run(rest);
            default -> {
                TERMINAL.println("""
                        Usage:
                          java -jar quarkus-run.jar                 run the service
                          java -jar quarkus-run.jar ingest FOLDER [--url URL] [--api-key KEY]
                                                                    ingest every .txt, .md and .html file of FOLDER
                          java -jar quarkus-run.jar eval --questions FILE [--corpus DIR] [--mode llm|retrieval-only] [--url URL]
                                [--half tuning|held-out] [--article NAME] [--min-recall5 X] [--min-answers X] [--min-refusals X]
                                                                    score a labelled question set on a fresh index
                          java -jar quarkus-run.jar eval --prompt-stats --questions FILE [--corpus DIR] [--article NAME]
                                                                    the LLM prompt's size per question, nothing sent
                          java -jar quarkus-run.jar migrate --to solr   copy the embedded index to SolrCloud (herald.solr.zk-hosts),
                                                                    vectors included; stop the service first""");
                yield 2;
            }
        };
    }
}

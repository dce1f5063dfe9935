package herald.cli;

import herald.ingest.ArticleDraft;
import herald.ingest.ArticleIngestor;
import herald.ingest.ArticleReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ingest FOLDER}: ingests every article file of a folder, showing progress. In-process by default
 * (the service must be stopped: the index takes one writer), or through a running service's API with
 * {@code --url}.
 */
@ApplicationScoped
public class FolderIngestCommand {

    private final Instance<ArticleIngestor> ingestor;

    public FolderIngestCommand(Instance<ArticleIngestor> ingestor) {
        this.ingestor = ingestor;
    }

    /** @param local the in-process ingestor, or null to go through {@code --url} */
    static int run(FolderIngestCommand local, String... args) {
        if (args.length == 0) {
            HeraldMain.TERMINAL.println("ingest needs a folder: ingest FOLDER [--url URL] [--api-key KEY]");
            return 2;
        }
        Path folder = Path.of(args[0]);
        String url = option(args, "--url");
        if (url == null && local == null) {
            HeraldMain.TERMINAL.println("ingest needs --url when run without the service's index");
            return 2;
        }
        String apiKey = option(args, "--api-key");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(FolderIngestCommand::isArticleFile).sorted().toList();
        } catch (IOException e) {
            HeraldMain.TERMINAL.println("Cannot read " + folder + ": " + e.getMessage());
            return 1;
        }
        int added = 0, known = 0, failed = 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String progress = String.format("[%" + String.valueOf(files.size()).length() + "d/%d] ", i + 1, files.size());
            try {
                String raw = Files.readString(file, StandardCharsets.UTF_8);
                String outcome = url == null ? local.ingestHere(file, raw) : ingestRemote(http, url, apiKey, file, raw);
                if (outcome.startsWith("added")) {
                    added++;
                } else {
                    known++;
                }
                HeraldMain.TERMINAL.println(progress + outcome + "  " + file.getFileName());
            } catch (IOException | RuntimeException e) {
                failed++;
                HeraldMain.TERMINAL.println(progress + "FAILED " + file.getFileName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        HeraldMain.TERMINAL.printf("%d added, %d already held, %d failed%n", added, known, failed);
        return failed == 0 ? 0 : 1;
    }

    String ingestHere(Path file, String raw) {
        ArticleDraft draft = isHtml(file) ? ArticleReader.fromHtml(raw) : ArticleReader.fromPlainText(raw);
        ArticleIngestor.Ingested result = ingestor.get().ingest(draft);
        return (result.created() ? "added   " : "held    ") + result.article().passages() + " passages";
    }

    private static String ingestRemote(HttpClient http, String url, String apiKey, Path file, String raw)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/documents"))
                .header("Content-Type", (isHtml(file) ? "text/html" : "text/plain") + "; charset=utf-8")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(raw));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 201 -> "added   ";
            case 200 -> "held    ";
            default -> throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
        };
    }

    private static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || isHtml(file);
    }

    private static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    private static String option(String[] args, String name) {
        return EvalCommand.option(args, name);
    }
}

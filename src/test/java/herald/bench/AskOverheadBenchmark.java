package herald.bench;

import herald.testing.StubOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service adds to a question when the LLM answers instantly: wrk against POST /api/ask on the
 * packaged jar (LLM mode with a stub Ollama in this JVM, then retrieval-only), and against GET
 * /q/health/live on the same server as the framework's floor. Needs wrk (apt-get install -y wrk).
 */
class AskOverheadBenchmark {

    private static final int[] CONNECTIONS = {1, 8, 32};
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final String QUESTION = "When did Putin arrive in Hanoi?";

    @TempDir
    Path dir;

    @Test
    void askAgainstFrameworkFloor() throws Exception {
        StubOllama ollama = new StubOllama().start();
        ollama.answerWith("Putin ", "arrived ", "in ", "Hanoi ", "early ", "on ", "Thursday ", "[1].");
        Path script = dir.resolve("ask.lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = '{\"question\":\"" + QUESTION + "\"}'\n");
        Figures.print("wrk %s, %d s per run, server and wrk on the same 2 cores", wrkVersion(), SECONDS);
        try {
            try (PackagedHerald herald = PackagedHerald.start(dir.resolve("llm"), ollama.baseUrl(), Map.of())) {
                herald.awaitReady(Duration.ofMinutes(2));
                warm(herald);
                for (int c : CONNECTIONS) {
                    wrk("GET /q/health/live (floor)", herald, "/q/health/live", null, c);
                }
                for (int c : CONNECTIONS) {
                    wrk("POST /api/ask, LLM mode, instant stub", herald, "/api/ask", script, c);
                }
                Figures.print("stub Ollama saw %d chat requests", ollama.requests().size());
            }
            try (PackagedHerald herald = PackagedHerald.start(dir.resolve("retrieval-only"), ollama.baseUrl(),
                    Map.of("HERALD_ANSWER_MODE", "retrieval-only"))) {
                herald.awaitReady(Duration.ofMinutes(2));
                warm(herald);
                for (int c : CONNECTIONS) {
                    wrk("POST /api/ask, retrieval-only", herald, "/api/ask", script, c);
                }
            }
        } finally {
            ollama.stop();
        }
    }

    private static void warm(PackagedHerald herald) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            int status = herald.ask(QUESTION);
            if (status != 200) {
                throw new IllegalStateException("/api/ask answered " + status + "; see " + herald.log);
            }
        }
    }

    private void wrk(String name, PackagedHerald herald, String path, Path script, int connections) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, connections)),
                "-c", String.valueOf(connections), "-d", SECONDS + "s", "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(herald.uri(path).toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(SECONDS + 30L, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        Matcher socketErrors = Pattern.compile("Socket errors: .*").matcher(out);
        Figures.print("%-40s %2d conn: p50 %8.2f ms, p99 %8.2f ms, %8.1f req/s%s%s", name, connections,
                percentile(out, "50%"), percentile(out, "99%"), requestsPerSecond(out),
                errors.find() ? ", non-2xx: " + errors.group(1) : "", socketErrors.find() ? ", " + socketErrors.group() : "");
    }

    private static double percentile(String wrkOutput, String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " in wrk output:\n" + wrkOutput);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double requestsPerSecond(String wrkOutput) {
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output:\n" + wrkOutput);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String wrkVersion() throws IOException {
        String out = new String(new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start().getInputStream().readAllBytes());
        return out.lines().findFirst().orElse("wrk").strip();
    }
}

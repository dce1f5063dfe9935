package herald.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stand-in for Ollama that speaks its real {@code /api/chat} wire format: one JSON object, or NDJSON
 * lines when {@code "stream": true}. It records every request, and can be told to answer with given
 * tokens, slowly, with a 500, or not at all (its port closed). Like Ollama with {@code OLLAMA_NUM_PARALLEL},
 * it can be limited to a number of generations at once (the rest wait inside it); it counts the requests
 * it holds at the same time and the generations whose client hung up before the answer was written.
 */
public final class StubOllama {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, List<String>> reply = request -> List.of("No answer configured.");
    private volatile Duration delayBeforeFirstToken = Duration.ZERO;
    private volatile Duration delayBetweenTokens = Duration.ZERO;
    private volatile int status = 200;
    private volatile java.util.function.UnaryOperator<String> atEmit = java.util.function.UnaryOperator.identity();
    private volatile Semaphore slots = null;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicLong generatingNanos = new AtomicLong();
    private HttpServer server;
    private int port;

    public StubOllama start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        port = server.getAddress().getPort();
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/tags", exchange -> send(exchange, 200, "application/json", "{\"models\":[{\"name\":\"llama3.2:latest\"}]}"));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return this;
    }

    /** Closes the port: requests are refused, as when Ollama is not running. */
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public boolean running() {
        return server != null;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Back to a healthy, instant stub with no recorded requests. */
    public void reset() throws IOException {
        requests.clear();
        reply = request -> List.of("No answer configured.");
        delayBeforeFirstToken = Duration.ZERO;
        delayBetweenTokens = Duration.ZERO;
        status = 200;
        atEmit = java.util.function.UnaryOperator.identity();
        slots = null;
        inFlight.set(0);
        maxInFlight.set(0);
        cancelled.set(0);
        generatingNanos.set(0);
        if (server == null) {
            start();
        }
    }

    public void answerWith(Function<JsonNode, List<String>> reply) {
        this.reply = reply;
    }

    public void answerWith(String... tokens) {
        answerWith(request -> List.of(tokens));
    }

    /**
     * Answers like a model that cites the passage holding {@code fact}: "{n}" in the tokens becomes that
     * passage's number in the prompt, whatever rank retrieval gave it.
     */
    public void answerCiting(String fact, String... tokens) {
        answerWith(request -> {
            String n = String.valueOf(citationOf(message(request, "user"), fact));
            return java.util.Arrays.stream(tokens).map(t -> t.replace("{n}", n)).toList();
        });
    }

    /** The number of the prompt's passage that contains the fact, or 0. */
    public static int citationOf(String prompt, String fact) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\[(\\d+)\\] ").matcher(prompt);
        List<int[]> starts = new java.util.ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{Integer.parseInt(m.group(1)), m.start()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : prompt.length();
            if (prompt.substring(starts.get(i)[1], end).contains(fact)) {
                return starts.get(i)[0];
            }
        }
        return 0;
    }

    public void slow(Duration beforeFirstToken, Duration betweenTokens) {
        this.delayBeforeFirstToken = beforeFirstToken;
        this.delayBetweenTokens = betweenTokens;
    }

    /** Rewrites each streamed token as it is written, e.g. to stamp it with the time it left the stub. */
    public void rewriteAtEmit(java.util.function.UnaryOperator<String> rewrite) {
        this.atEmit = rewrite;
    }

    /** Runs at most {@code n} generations at once, as Ollama does with {@code OLLAMA_NUM_PARALLEL=n}; the rest queue inside. */
    public void slots(int n) {
        this.slots = new Semaphore(n, true);
    }

    /** The most chat requests this stub held open at the same time since the last reset. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Chat requests open right now. */
    public int requestsInFlight() {
        return inFlight.get();
    }

    /** Streamed generations whose client closed the connection before the last line was written. */
    public int cancelledGenerations() {
        return cancelled.get();
    }

    /** Time spent generating (holding a slot), summed over all generations, since the last reset. */
    public Duration generatingTime() {
        return Duration.ofNanos(generatingNanos.get());
    }

    public void failWith(int status) {
        this.status = status;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The text of the last request's message with this role. */
    public static String message(JsonNode request, String role) {
        for (JsonNode m : request.get("messages")) {
            if (role.equals(m.get("role").asText())) {
                return m.get("content").asText();
            }
        }
        return null;
    }

    private void chat(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Semaphore limit = slots;
        try {
            if (limit != null) {
                limit.acquireUninterruptibly();
            }
            long started = System.nanoTime();
            try {
                answer(exchange);
            } finally {
                generatingNanos.addAndGet(System.nanoTime() - started);
                if (limit != null) {
                    limit.release();
                }
            }
        } catch (IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(StubOllama.class.getName()).log(java.util.logging.Level.WARNING, "stub failed", e);
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        if (status != 200) {
            send(exchange, status, "application/json", "{\"error\":\"model runner has unexpectedly stopped\"}");
            return;
        }
        List<String> tokens = reply.apply(request);
        boolean stream = !request.has("stream") || request.get("stream").asBoolean();
        String model = request.path("model").asText("llama3.2");
        sleep(delayBeforeFirstToken);
        if (!stream) {
            String body = JSON.createObjectNode().put("model", model).put("created_at", Instant.now().toString())
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("message", JSON.createObjectNode()
                            .put("role", "assistant").put("content", String.join("", tokens)))
                    .put("done", true).put("done_reason", "stop").toString();
            send(exchange, 200, "application/json", body);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    sleep(delayBetweenTokens);
                }
                writeLine(out, JSON.createObjectNode().put("model", model).put("created_at", Instant.now().toString())
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("message", JSON.createObjectNode()
                                .put("role", "assistant").put("content", atEmit.apply(tokens.get(i))))
                        .put("done", false).toString());
            }
            writeLine(out, JSON.createObjectNode().put("model", model).put("created_at", Instant.now().toString())
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("message", JSON.createObjectNode()
                            .put("role", "assistant").put("content", ""))
                    .put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", tokens.size())
                    .toString());
        } catch (IOException clientGone) {
            // the service closed the request: it timed out, or the reader it was writing for left
            cancelled.incrementAndGet();
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

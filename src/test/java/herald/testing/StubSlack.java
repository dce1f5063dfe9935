package herald.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API ({@code /api/<method>}, answering {@code {"ok":true,...}} as Slack does)
 * and for slash commands' response_url ({@code /response/<id>}). It records every call so tests can
 * check what the bot posted, and where.
 */
public final class StubSlack {

    public static final String BOT_USER_ID = "UHERALD";

    /** One recorded call: the Web API method (or "response_url"), its form parameters, and the raw body. */
    public record Call(String method, Map<String, String> params, String body) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The ts of each message posted, in order, as Slack would answer chat.postMessage. */
    private final List<String> postedTs = new CopyOnWriteArrayList<>();
    private final AtomicLong messageTs = new AtomicLong(1_718_800_000_000_000L);
    private HttpServer server;

    public StubSlack start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::method);
        server.createContext("/response/", this::responseUrl);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return this;
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    public void reset() {
        calls.clear();
        postedTs.clear();
    }

    public List<String> postedTs() {
        return List.copyOf(postedTs);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until at least {@code count} calls of {@code method} were made, or fails after {@code timeout}. */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls(method).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + method + " call(s) within " + timeout + ", got " + calls());
            }
            pause();
        }
        return calls(method);
    }

    /** Waits for the first call of {@code method} that matches, or fails after {@code timeout}. */
    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Call> found = calls(method).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching " + method + " call within " + timeout + ", got " + calls());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void method(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = form(body);
        calls.add(new Call(method, params, body));
        String reply = switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://herald-test.slack.com/\",\"team\":\"Herald Test\",\"user\":\"herald\","
                    + "\"team_id\":\"T0001\",\"user_id\":\"" + BOT_USER_ID + "\",\"bot_id\":\"BHERALD\"}";
            case "chat.postMessage", "chat.update" -> {
                String ts = nextTs();
                postedTs.add(ts);
                yield "{\"ok\":true,\"channel\":\"" + params.getOrDefault("channel", "") + "\",\"ts\":\"" + ts + "\"}";
            }
            default -> "{\"ok\":true}";
        };
        send(exchange, "application/json; charset=utf-8", reply);
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call("response_url", Map.of("path", exchange.getRequestURI().getPath()), body));
        send(exchange, "text/plain", "ok");
    }

    private String nextTs() {
        long micros = messageTs.incrementAndGet();
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

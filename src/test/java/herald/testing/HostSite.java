package herald.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A news site on another origin than Herald's, embedding the widget with one script tag. Its stylesheet is
 * deliberately hostile, so a screenshot shows whether the widget's Shadow DOM keeps it out.
 */
public final class HostSite implements AutoCloseable {

    private static final Pattern SERVICE = Pattern.compile("http://localhost:\\d+");

    private final HttpServer server;

    private HostSite(HttpServer server) {
        this.server = server;
    }

    /** Serves the page on the given loopback address (127.0.0.1 and 127.0.0.2 are different origins). */
    public static HostSite start(String address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            server.createContext("/", HostSite::page);
            server.start();
            return new HostSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, embedding widget.js from the Herald at {@code service} (e.g. http://localhost:8081). */
    public String pageUrl(String service) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/news?service=" + service;
    }

    private static void page(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String service = query == null ? "" : URLDecoder.decode(query.replaceFirst("^service=", ""), StandardCharsets.UTF_8);
        if (!SERVICE.matcher(service).matches()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Mekong Morning Post</title>
                <style>
                  * { font-family: "Comic Sans MS", cursive !important; color: #a00 !important; }
                  button, div, section { background: lime; font-size: 30px; border: 5px dashed orange; }
                  body { margin: 0; padding: 24px; background: #fffdf7; }
                  h1 { font-size: 40px; }
                  p { font-size: 18px; line-height: 1.6; max-width: 640px; }
                </style></head>
                <body>
                  <h1>Mekong Morning Post</h1>
                  <p>Putin is to travel on from Pyongyang to Hanoi this week. Readers can ask the chat in the corner.</p>
                  <p>Ferry timetables on the Mekong change with the season.</p>
                  <script src="SERVICE/widget.js" data-title="Ask the Post" data-greeting="Hello! Ask me about today's news." defer></script>
                </body></html>
                """.replace("SERVICE", service);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package app.spotter.sync.caldav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server on loopback for unit tests: answers each "METHOD /path" with a canned response and
 * records every request (method, path, headers, body), so tests can see exactly what went over the wire.
 */
final class StubDavServer implements AutoCloseable {

    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    record Canned(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final Map<String, List<Canned>> script = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    StubDavServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, on 127.0.0.1; {@link #otherOrigin()} reaches the same server under another host name. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI otherOrigin() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** Queues answers for "METHOD /path" (a null path: any path); the last one repeats. */
    StubDavServer on(String method, String path, Canned... answers) {
        script.put(method + " " + (path == null ? "*" : path), new CopyOnWriteArrayList<>(List.of(answers)));
        return this;
    }

    static Canned answer(int status, String body, String... headerPairs) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new Canned(status, headers, body);
    }

    static Canned multistatus(String body) {
        return answer(207, body, "Content-Type", "application/xml; charset=utf-8");
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Recorded(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        List<Canned> answers = script.getOrDefault(method + " " + path, script.get(method + " *"));
        Canned canned = answers == null ? answer(404, "")
                : answers.size() > 1 ? answers.removeFirst() : answers.getFirst();
        canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = bytes.length == 0 || method.equals("HEAD");
        exchange.sendResponseHeaders(canned.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package app.spotter.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A fast fake CalDAV server for the scale benchmark: it answers what a sync round and a push send, and nothing
 * else, at loopback speed, so the benchmark measures Spotter rather than a calendar server. A sync-collection
 * REPORT gets an empty multistatus with the token it was given (RFC 6578: nothing changed); a PUT is stored
 * (201 with an ETag); a DELETE 204. Calendars live under {@code /cal/<name>/}.
 */
final class FastDav implements AutoCloseable {

    static final String TOKEN = "http://fastdav.bench/sync/1";

    private final HttpServer server;
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong puts = new AtomicLong();
    private final Map<String, Long> lastReportNanos = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Long> onPut = (path, nanos) -> { };

    FastDav() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI calendar(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cal/" + name + "/");
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Told of every PUT as it arrives: the path and {@link System#nanoTime()}. */
    void onPut(BiConsumer<String, Long> observer) {
        onPut = observer;
    }

    long reports() {
        return reports.get();
    }

    long puts() {
        return puts.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            switch (exchange.getRequestMethod()) {
                case "REPORT" -> {
                    reports.incrementAndGet();
                    lastReportNanos.put(path, System.nanoTime());
                    byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus xmlns:d=\"DAV:\">"
                            + "<d:sync-token>" + TOKEN + "</d:sync-token></d:multistatus>")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
                    exchange.sendResponseHeaders(207, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "PUT" -> {
                    puts.incrementAndGet();
                    onPut.accept(path, System.nanoTime());
                    exchange.getResponseHeaders().set("ETag", "\"" + puts.get() + "\"");
                    exchange.sendResponseHeaders(201, -1);
                }
                case "DELETE" -> exchange.sendResponseHeaders(204, -1);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

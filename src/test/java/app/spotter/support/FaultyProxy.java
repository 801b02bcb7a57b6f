package app.spotter.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A reverse proxy on loopback between Spotter and a real server, that can fail on purpose: answer the next N
 * requests with a status of its choice without forwarding them (a server in trouble), or forward them and then
 * drop the response (the server applied the change, Spotter never heard).
 */
public final class FaultyProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
            "transfer-encoding", "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI target;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile int failStatus = 500;
    private volatile Consumer<Forwarded> observer = f -> { };

    /** A request the server answered, at the moment its answer reached the proxy ({@link System#nanoTime}). */
    public record Forwarded(String method, String path, int status, long answeredAtNanos) {}

    public FaultyProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next {@code count} requests get {@code status} without reaching the server. */
    public void failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
    }

    /** The next {@code count} requests reach the server, but their responses are lost (connection closed). */
    public void dropNextResponses(int count) {
        dropNext.set(count);
    }

    /** Told of every forwarded request as soon as the server's answer arrives (benchmarks time with this). */
    public void observe(Consumer<Forwarded> observer) {
        this.observer = observer;
    }

    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(failStatus, -1);
                return;
            }
            HttpResponse<byte[]> response = forward(exchange);
            observer.accept(new Forwarded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    response.statusCode(), System.nanoTime()));
            forwarded.incrementAndGet();
            if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getHttpContext().getServer();
                throw new IOException("response dropped on purpose");
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

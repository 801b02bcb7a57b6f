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
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A reverse proxy on loopback between Spotter and a real server, that can fail on purpose: answer the next N
 * requests with a status of its choice without forwarding them (a server in trouble), or forward them and then
 * drop the response (the server applied the change, Spotter never heard).
 *
 * <p>{@link #chaos(Chaos)} turns on a seeded random mode for soak tests: each request may have its connection cut
 * before it is forwarded, have its response dropped after the server applied it, or be delayed. {@link #record()}
 * keeps every forwarded exchange with its start and end, so a test can judge from the server's side what was sent.
 */
public final class FaultyProxy implements AutoCloseable {

    /** Probabilities per request, and the longest delay; one seeded random source decides. */
    public record Chaos(long seed, double dropAfterApply, double resetBeforeForward, double delayed, Duration maxDelay) {}

    /** One request the proxy forwarded, as the server saw it. Times are {@link System#nanoTime()}. */
    public record Exchange(String method, String path, String userAgent, String ifNoneMatch, String ifMatch,
            int status, long startNanos, long endNanos, boolean responseDropped) {}

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
            "transfer-encoding", "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI target;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger reset = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;
    private volatile int failStatus = 500;
    private volatile Consumer<Forwarded> observer = f -> { };

    /** A request the server answered, at the moment its answer reached the proxy ({@link System#nanoTime}). */
    public record Forwarded(String method, String path, int status, long answeredAtNanos) {}
    private volatile Chaos chaos;
    private volatile java.util.concurrent.CountDownLatch stall;
    private volatile Random random;

    public FaultyProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private volatile int downStatus;
    private volatile Duration downDelay = Duration.ZERO;
    private final AtomicInteger downAnswered = new AtomicInteger();
    private final AtomicInteger downAnsweredWrites = new AtomicInteger();
    private final AtomicInteger downInFlight = new AtomicInteger();
    private final AtomicInteger downMostAtOnce = new AtomicInteger();

    /**
     * From now on the server is down: every request is answered {@code status} after {@code delay} (a failing
     * server that still takes its time, so overlapping requests can be seen), until {@link #up()}.
     */
    public void down(int status, Duration delay) {
        downDelay = delay;
        downStatus = status;
    }

    public void up() {
        downStatus = 0;
    }

    /** Requests answered while down. */
    public int downAnswered() {
        return downAnswered.get();
    }

    /** Of those, the writes (PUT, DELETE): what pushing sends, as opposed to reads such as busy-time lookups. */
    public int downAnsweredWrites() {
        return downAnsweredWrites.get();
    }

    /** Forgets the most-at-once figure so far (e.g. what happened before a breaker parked). */
    public void resetMostAtOnce() {
        downMostAtOnce.set(downInFlight.get());
    }

    /** The most requests that were waiting for a "down" answer at one time. */
    public int downMostAtOnce() {
        return downMostAtOnce.get();
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

    /** Random faults from now on (null: none). */
    public void chaos(Chaos settings) {
        random = settings == null ? null : new Random(settings.seed());
        chaos = settings;
    }

    /**
     * From now on every PUT and DELETE waits, unanswered, until {@code release} opens (a server that stalls on
     * writes while still answering reads); null stops stalling.
     */
    public void stallWrites(java.util.concurrent.CountDownLatch release) {
        stall = release;
    }

    /** Keeps every forwarded exchange from now on; see {@link #exchanges()}. */
    public void record() {
        recording = true;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public int forwarded() {
        return forwarded.get();
    }

    /** Responses lost after the server applied the request (chaos and {@link #dropNextResponses}). */
    public int dropped() {
        return dropped.get();
    }

    /** Connections cut before the request was forwarded (chaos). */
    public int reset() {
        return reset.get();
    }

    public int delayed() {
        return delayed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int down = downStatus;
            if (down != 0) {
                downMostAtOnce.accumulateAndGet(downInFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(downDelay.toMillis());
                } finally {
                    downInFlight.decrementAndGet();
                }
                downAnswered.incrementAndGet();
                if (exchange.getRequestMethod().equals("PUT") || exchange.getRequestMethod().equals("DELETE")) {
                    downAnsweredWrites.incrementAndGet();
                }
                exchange.sendResponseHeaders(down, -1);
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(failStatus, -1);
                return;
            }
            java.util.concurrent.CountDownLatch stalled = stall;
            if (stalled != null && Set.of("PUT", "DELETE").contains(exchange.getRequestMethod())) {
                stalled.await();
            }
            Chaos settings = chaos;
            double resetDraw = 1, dropDraw = 1, delayDraw = 1;
            long delayMillis = 0;
            if (settings != null) {
                Random r = random;
                synchronized (r) {
                    resetDraw = r.nextDouble();
                    dropDraw = r.nextDouble();
                    delayDraw = r.nextDouble();
                    delayMillis = settings.maxDelay().toMillis() <= 0 ? 0 : r.nextLong(settings.maxDelay().toMillis());
                }
            }
            if (settings != null && resetDraw < settings.resetBeforeForward()) {
                reset.incrementAndGet();
                throw new IOException("connection reset on purpose before forwarding");
            }
            if (settings != null && delayDraw < settings.delayed() && delayMillis > 0) {
                delayed.incrementAndGet();
                Thread.sleep(delayMillis);
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = forward(exchange);
            observer.accept(new Forwarded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    response.statusCode(), System.nanoTime()));
            forwarded.incrementAndGet();
            boolean drop = dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                    || settings != null && dropDraw < settings.dropAfterApply();
            if (recording) {
                var headers = exchange.getRequestHeaders();
                exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        headers.getFirst("User-Agent"), headers.getFirst("If-None-Match"),
                        headers.getFirst("If-Match"), response.statusCode(), start, System.nanoTime(), drop));
            }
            if (drop) {
                dropped.incrementAndGet();
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

package app.spotter.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks {@code /actuator/health} every few milliseconds while something else loads Spotter, one request at a time,
 * and keeps every latency; a request that fails or times out counts as its timeout (never dropped).
 */
final class HealthSampler implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<Long> nanos = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile int failures;

    HealthSampler(int port, Duration spacing) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(TIMEOUT).build();
        thread = Thread.ofPlatform().name("health-sampler").start(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failures++;
                    }
                    nanos.add(System.nanoTime() - start);
                } catch (Exception e) {
                    failures++;
                    nanos.add(Math.max(System.nanoTime() - start, TIMEOUT.toNanos()));
                }
                Sleep.millis(spacing.toMillis());
            }
        });
    }

    Percentiles latencies() {
        return Percentiles.ofNanos(nanos);
    }

    int failures() {
        return failures;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TIMEOUT.toMillis() * 2);
    }
}

package app.spotter.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-repo HTTP load generator for POST /api/v1/bookings: java.net.http on virtual threads, HTTP/1.1 keep-alive.
 * Bookings spread over many trainers, each trainer's next booking one hour after its previous one, so no request
 * meets the overlap rule (409) and no trainer is a hot spot. Two shapes:
 * <ul>
 *   <li>closed loop: C clients, each sending its next request when the previous answered (throughput at C);</li>
 *   <li>open loop: requests start at a fixed rate whatever the answers; latency counts from the intended start,
 *   so a stall is not hidden by the generator waiting politely (coordinated omission).</li>
 * </ul>
 * Each run has a warm-up whose samples are dropped, then a measured window; both are bounded in time.
 */
final class LoadGenerator {

    record Result(double requestsPerSecond, Percentiles latency, int errors, int overloaded) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI bookings;
    private final List<Trainer> trainers;
    private final AtomicInteger[] nextSlot;
    private final AtomicInteger turn = new AtomicInteger();

    LoadGenerator(int port, List<Trainer> trainers, int firstSlot) {
        this.bookings = URI.create("http://127.0.0.1:" + port + "/api/v1/bookings");
        this.trainers = trainers;
        this.nextSlot = new AtomicInteger[trainers.size()];
        for (int i = 0; i < nextSlot.length; i++) {
            nextSlot[i] = new AtomicInteger(firstSlot);
        }
    }

    /** Closed loop with {@code clients} concurrent clients. */
    Result closed(int clients, Duration warmup, Duration measured) throws InterruptedException {
        Window window = new Window(warmup, measured);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (!window.over()) {
                        long started = System.nanoTime();
                        boolean ok = post();
                        window.record(started, System.nanoTime() - started, ok);
                    }
                });
            }
        }
        return window.result(0);
    }

    /**
     * Open loop at {@code rate} requests/s. At most {@code 4 x rate} requests are in flight; a start that finds
     * them all busy is counted as overloaded instead of queueing without bound.
     */
    Result open(int rate, Duration warmup, Duration measured) {
        Window window = new Window(warmup, measured);
        Semaphore inFlight = new Semaphore(4 * rate);
        AtomicInteger overloaded = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long intended = window.start + i * interval;
                if (intended - window.start >= window.end - window.start) {
                    break;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    if (intended >= window.measureFrom) {
                        overloaded.incrementAndGet();
                    }
                    continue;
                }
                pool.submit(() -> {
                    try {
                        boolean ok = post();
                        window.record(intended, System.nanoTime() - intended, ok);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return window.result(overloaded.get());
    }

    private boolean post() {
        int t = Math.floorMod(turn.getAndIncrement(), trainers.size());
        Trainer trainer = trainers.get(t);
        String startsAt = Trainer.slot(nextSlot[t].getAndIncrement());
        HttpRequest request = HttpRequest.newBuilder(bookings).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + trainer.token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client_id":"%s","starts_at":"%s","duration_minutes":45,"session_type":"one_on_one"}"""
                        .formatted(trainer.clientId, startsAt)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    /** The warm-up and measured window of one run; samples that started in the warm-up are dropped. */
    private static final class Window {
        final long start = System.nanoTime();
        final long measureFrom;
        final long end;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();

        Window(Duration warmup, Duration measured) {
            measureFrom = start + warmup.toNanos();
            end = measureFrom + measured.toNanos();
        }

        boolean over() {
            return System.nanoTime() >= end;
        }

        void record(long startedAt, long nanos, boolean ok) {
            if (startedAt < measureFrom || startedAt >= end) {
                return;
            }
            if (ok) {
                latencies.add(nanos);
            } else {
                errors.incrementAndGet();
            }
        }

        Result result(int overloaded) {
            double seconds = (end - measureFrom) / 1e9;
            return new Result(latencies.size() / seconds, Percentiles.ofNanos(latencies), errors.get(), overloaded);
        }
    }
}

package app.spotter.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The security review's memory attack on the feed: one trainer with many bookings inside the feed's window, and
 * the feed (which needs no login) fetched by many clients at once, while health is sampled. Shared by the
 * benchmark that prints the figures and the test that holds the limits.
 */
final class FeedLoad {

    record Result(int bookings, long events, long bodyBytes, int fetches, int failedFetches,
            Percentiles fetchLatency, Percentiles health, int healthFailures) {}

    private FeedLoad() {}

    /** Seeds {@code bookings} sessions 35 minutes apart from 25 days back (all inside the 18-month window). */
    static String seed(int port, int bookings) throws Exception {
        Trainer trainer = Trainer.signUp(port);
        trainer.syncFrequency("manual");
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.HOURS).minusDays(25);
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                String start = first.plusMinutes(35L * i).toString();
                all.add(pool.submit(() -> {
                    var r = trainer.api.post("/api/v1/bookings", """
                            {"client_id":"%s","starts_at":"%s","duration_minutes":30,"location":"Zoo Lake gym",\
                            "notes":"private"}""".formatted(trainer.clientId, start));
                    if (r.status() != 201) {
                        failed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " bookings were refused while seeding");
        }
        String url = trainer.api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();
        return url.substring(url.indexOf("/feeds/"));
    }

    /** {@code parallel} clients each fetch the whole feed {@code rounds} times, while health is sampled. */
    static Result fetch(int port, String feedPath, int bookings, int parallel, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + feedPath))
                .timeout(Duration.ofMinutes(2)).build();
        List<Long> latencies = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong events = new AtomicLong(-1);
        AtomicLong bytes = new AtomicLong();
        try (HealthSampler health = new HealthSampler(port, Duration.ofMillis(20))) {
            Sleep.millis(500); // a baseline before the load starts
            try (ExecutorService clients = Executors.newFixedThreadPool(parallel)) {
                for (int c = 0; c < parallel; c++) {
                    clients.submit(() -> {
                        for (int r = 0; r < rounds; r++) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<InputStream> response = http.send(request,
                                        HttpResponse.BodyHandlers.ofInputStream());
                                long[] counted = count(response.body());
                                latencies.add(System.nanoTime() - start);
                                if (response.statusCode() != 200) {
                                    failures.incrementAndGet();
                                } else {
                                    events.compareAndSet(-1, counted[0]);
                                    bytes.set(counted[1]);
                                }
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                        }
                    });
                }
            }
            Sleep.millis(500);
            health.close();
            return new Result(bookings, events.get(), bytes.get(), parallel * rounds, failures.get(),
                    Percentiles.ofNanos(latencies), health.latencies(), health.failures());
        }
    }

    /** VEVENTs and bytes of a streamed body, read in blocks and never held whole. */
    private static long[] count(InputStream body) throws java.io.IOException {
        byte[] needle = "BEGIN:VEVENT".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long found = 0;
        int matched = 0;
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
                    if (matched == needle.length) {
                        found++;
                        matched = 0;
                    }
                }
            }
        }
        return new long[] {found, total};
    }

    static void print(java.io.PrintStream out, Result r) {
        out.printf("feed: %,d bookings seeded, %,d events in the feed, body %,d bytes (%.1f MiB)%n", r.bookings(),
                r.events(), r.bodyBytes(), r.bodyBytes() / 1048576.0);
        out.printf("%d fetches (%d failed): %s%n", r.fetches(), r.failedFetches(), r.fetchLatency());
        out.printf("health during the fetches (%d failed): %s%n", r.healthFailures(), r.health());
    }

}

package app.spotter.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The security review's login flood: failed logins at a fixed rate (open loop: a slow answer does not slow the
 * attacker), each for a new email, from a few client addresses or a fresh one each time (X-Forwarded-For through
 * the trusted loopback proxy). Health is sampled meanwhile.
 */
final class LoginFlood {

    record Result(int sent, Map<Integer, Integer> statuses, Percentiles health, int healthFailures) {}

    private LoginFlood() {}

    /**
     * @param addresses how many client addresses the flood comes from, in turn; 0 = a fresh address for every
     *     request (a botnet: the per-address throttle never engages and every request costs a password check)
     */
    static Result run(int port, int perSecond, Duration duration, int addresses) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int total = (int) (perSecond * duration.toSeconds());
        long interval = 1_000_000_000L / perSecond;
        try (HealthSampler health = new HealthSampler(port, Duration.ofMillis(20))) {
            Sleep.millis(500);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Sleep.millis(wait / 1_000_000);
                }
                ThreadLocalRandom r = ThreadLocalRandom.current();
                String address = addresses == 0
                        ? "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254))
                        : "10.0.0." + (1 + i % addresses);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"email":"flood-%s@example.com","password":"Summer2026!"}"""
                                .formatted(UUID.randomUUID()))).build();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> statuses.computeIfAbsent(
                                error == null ? response.statusCode() : -1, k -> new AtomicInteger())
                                .incrementAndGet()));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            Sleep.millis(500);
            health.close();
            Map<Integer, Integer> counts = new TreeMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.get()));
            return new Result(total, counts, health.latencies(), health.failures());
        }
    }

    static void print(java.io.PrintStream out, Result r) {
        out.printf("flood: %d failed logins sent, answers by status %s (-1 = no answer)%n", r.sent(), r.statuses());
        out.printf("health during the flood (%d failed): %s%n", r.healthFailures(), r.health());
    }
}

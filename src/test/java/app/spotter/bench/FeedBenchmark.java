package app.spotter.bench;

import app.spotter.SpotterApplication;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.Bookings;
import app.spotter.booking.SessionType;
import app.spotter.support.ApiClient;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Renders one trainer's feed of 5,000 scheduled bookings over HTTP: warm median and p95 of full fetches (query,
 * build events, render with ical4j, send), plus the cost of a conditional fetch answered 304.
 */
public final class FeedBenchmark implements Benchmark {

    private static final int BOOKINGS = 5_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public String description() {
        return "GET /feeds/{token}.ics with " + BOOKINGS + " bookings: warm median/p95 over " + RUNS + " fetches";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        String dataDir = Files.createTempDirectory("spotter-bench-feed-").toString();
        SpringApplication app = new SpringApplication(SpotterApplication.class);
        try (ConfigurableApplicationContext context = app.run("--spotter.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            ApiClient api = ApiClient.newTrainer(port, "Africa/Johannesburg");
            UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
            List<UUID> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clients.add(UUID.fromString(api.createClient("Client" + i, "Surname, Ñandú; " + i, null)));
            }
            // manual sync: no calendar is connected, and 5,000 reconcile jobs would only compete with the seeding
            api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
            Bookings bookings = context.getBean(Bookings.class);
            Instant first = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
            long seeding = System.nanoTime();
            for (int i = 0; i < BOOKINGS; i++) {
                Instant start = first.plus(Duration.ofHours(2L * i));
                bookings.create(trainerId, new BookingDetails(clients.get(i % clients.size()), start,
                        start.plus(Duration.ofMinutes(60)), SessionType.values()[i % SessionType.values().length],
                        i % 3 == 0 ? "Zoo Lake gym" : null, "private notes " + i, null));
                if ((i + 1) % 1000 == 0) {
                    out.printf("  %d bookings...%n", i + 1);
                }
            }
            out.printf("seeded %d bookings through the service layer in %.1f s%n", BOOKINGS,
                    (System.nanoTime() - seeding) / 1e9);

            String url = api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();
            URI feed = URI.create("http://localhost:" + port + url.substring(url.indexOf("/feeds/")));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> response = null;
            for (int i = 0; i < WARMUP; i++) {
                response = http.send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            long events = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter("BEGIN:VEVENT"::equals).count();
            List<Double> full = time(http, HttpRequest.newBuilder(feed).build());
            String etag = response.headers().firstValue("ETag").orElseThrow();
            List<Double> conditional = time(http, HttpRequest.newBuilder(feed).header("If-None-Match", etag).build());
            out.printf("feed: %d events, body %,d bytes (%.2f MiB)%n", events, response.body().length,
                    response.body().length / 1048576.0);
            out.printf("full fetch (200): median %.1f ms, p95 %.1f ms, min %.1f ms over %d fetches%n",
                    percentile(full, 50), percentile(full, 95), full.getFirst(), RUNS);
            out.printf("conditional fetch (304): median %.1f ms, p95 %.1f ms%n",
                    percentile(conditional, 50), percentile(conditional, 95));
        }
    }

    private static List<Double> time(HttpClient http, HttpRequest request) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200 && response.statusCode() != 304) {
                throw new IllegalStateException("feed answered " + response.statusCode());
            }
        }
        millis.sort(null);
        return millis;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}

package app.spotter.bench;

import app.spotter.SpotterApplication;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.Bookings;
import app.spotter.booking.SessionType;
import app.spotter.support.ApiClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/v1/availability/slots for a month, for a trainer with 500 sessions and two busy calendars of 2,000
 * events each, all from Spotter's own store (the busy intervals as a refresh leaves them: "from cache"). Target:
 * p99 at most 50 ms.
 */
public final class SlotsBenchmark implements Benchmark {

    private static final int SESSIONS = 500;
    private static final int BUSY_PER_CALENDAR = 2_000;
    private static final int WARMUP = 30;
    private static final int RUNS = Integer.getInteger("bench.slots.runs", 300);
    private static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");

    @Override
    public String name() {
        return "slots";
    }

    @Override
    public String description() {
        return "GET /availability/slots for a month: " + SESSIONS + " sessions, 2 busy calendars of "
                + BUSY_PER_CALENDAR + " events; p50/p99 over " + RUNS + " requests";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        String dataDir = Files.createTempDirectory("spotter-bench-slots-").toString();
        SpringApplication app = new SpringApplication(SpotterApplication.class);
        try (ConfigurableApplicationContext context = app.run("--spotter.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            ApiClient api = ApiClient.newTrainer(port, ZONE.getId());
            UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
            api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
            api.put("/api/v1/availability/hours", """
                    {"weekly":{"MO":[{"from":"06:00","to":"12:00"},{"from":"15:00","to":"20:00"}],
                     "TU":[{"from":"06:00","to":"20:00"}],"WE":[{"from":"06:00","to":"20:00"}],
                     "TH":[{"from":"06:00","to":"20:00"}],"FR":[{"from":"06:00","to":"18:00"}],
                     "SA":[{"from":"07:00","to":"12:00"}]},"buffer_minutes":15,"min_notice_minutes":120}""");
            UUID client = UUID.fromString(api.createClient("Bench", "Client", null));
            Bookings bookings = context.getBean(Bookings.class);
            LocalDate first = LocalDate.now(ZONE).plusDays(1);
            // 500 sessions, three a day (06:00, 09:00, 17:00) for the next ~167 days
            for (int i = 0; i < SESSIONS; i++) {
                Instant start = first.plusDays(i / 3).atTime(new int[] {6, 9, 17}[i % 3], 0).atZone(ZONE).toInstant();
                bookings.create(trainerId, new BookingDetails(client, start, start.plus(Duration.ofMinutes(60)),
                        SessionType.ONE_ON_ONE, null, null, null));
            }
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Instant from = first.atStartOfDay(ZONE).toInstant();
            for (int c = 0; c < 2; c++) {
                UUID calendar = UUID.randomUUID();
                jdbc.sql("INSERT INTO busy_calendars (id, trainer_id, provider, external_id, name, busy, last_read) "
                                + "VALUES (?, ?, 'apple', ?, ?, TRUE, NOW())")
                        .params(calendar, trainerId, "https://caldav.example/cal" + c + "/", "Calendar " + c).update();
                for (int i = 0; i < BUSY_PER_CALENDAR; i++) {
                    // a year of a busy person's events (about 5 a day per calendar), between 06:00 and 22:00,
                    // 30-90 minutes long; all stored, though a refresh keeps only the next 90 days
                    LocalDate day = first.plusDays(i * 365L / BUSY_PER_CALENDAR);
                    Instant start = day.atTime(6 + (i * 5 + c * 3) % 16, (i % 2) * 30).atZone(ZONE).toInstant();
                    jdbc.sql("INSERT INTO busy_intervals (calendar_id, trainer_id, starts_at, ends_at) "
                                    + "VALUES (?, ?, ?, ?)")
                            .params(calendar, trainerId, Timestamp.from(start),
                                    Timestamp.from(start.plus(Duration.ofMinutes(30 + 30 * (i % 3))))).update();
                }
            }
            jdbc.sql("ANALYZE busy_intervals").update();
            String query = "/api/v1/availability/slots?from=" + enc(from) + "&to="
                    + enc(from.plus(Duration.ofDays(30))) + "&duration_minutes=60";
            int slots = api.get(query).json().get("slots").size();
            for (int i = 0; i < WARMUP; i++) {
                api.get(query);
            }
            long[] nanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                var r = api.get(query);
                nanos[i] = System.nanoTime() - t;
                if (r.status() != 200) {
                    throw new IllegalStateException("slots answered " + r.status() + ": " + r.body());
                }
            }
            out.printf("slots for 30 days (%d free starts): %s (target p99 <= 50 ms)%n", slots,
                    Percentiles.ofNanos(nanos));
            // the service alone (no HTTP, token or JSON): the same question again (answered from the slots cache
            // after checking nothing changed), and each time a new question (every session and busy time read and
            // the days walked: what every request cost before the cache)
            app.spotter.availability.Availability availability =
                    context.getBean(app.spotter.availability.Availability.class);
            Instant to = from.plus(Duration.ofDays(30));
            long[] cached = new long[RUNS];
            long[] computed = new long[RUNS];
            for (int i = 0; i < WARMUP; i++) {
                availability.slots(trainerId, from, to.plusSeconds(60 * (RUNS + i)), Duration.ofMinutes(60),
                        Duration.ofMinutes(30));
            }
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                availability.slots(trainerId, from, to, Duration.ofMinutes(60), Duration.ofMinutes(30));
                cached[i] = System.nanoTime() - t;
                t = System.nanoTime();
                availability.slots(trainerId, from, to.plusSeconds(60L * (i + 1)), Duration.ofMinutes(60),
                        Duration.ofMinutes(30));
                computed[i] = System.nanoTime() - t;
            }
            out.printf("service only, same question (from cache): %s%n", Percentiles.ofNanos(cached));
            out.printf("service only, a new question each time (computed): %s%n", Percentiles.ofNanos(computed));
            // the same requests' fixed cost (bearer token, one small query, JSON), for comparison on a busy machine
            long[] baseline = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                api.get("/api/v1/availability/hours");
                baseline[i] = System.nanoTime() - t;
            }
            out.printf("baseline GET /availability/hours: %s%n", Percentiles.ofNanos(baseline));
            out.printf("load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static String enc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

package app.spotter.bench;

import app.spotter.SpotterApplication;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.Bookings;
import app.spotter.booking.SessionType;
import app.spotter.support.StatementCounter;
import app.spotter.sync.Provider;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many trainers on one instance: N trainers, each with one CalDAV connection to a fast fake server
 * ({@link FastDav}), of whom H have B bookings already pushed, and a sample with 100. Spotter runs in this JVM
 * (embedded PostgreSQL, its JVM options from scripts/jdk.sh), so its own beans seed the rows quickly and a
 * statement counter can see what one round costs. Measures: statements, rows and CPU per no-change round at 100
 * and at B bookings; wall time for a round of every connection at once; push latency for bookings made during it;
 * RSS of this JVM (Spotter plus the fake server and the benchmark, so slightly pessimistic).
 */
public final class ScaleBenchmark implements Benchmark {

    private static final int TRAINERS = Integer.getInteger("bench.scale.trainers", 10_000);
    private static final int HEAVY = Integer.getInteger("bench.scale.heavy", 1_000);
    private static final int BOOKINGS = Integer.getInteger("bench.scale.bookings", 1_000);
    private static final int LIGHT = 100; // trainers with 100 bookings, for the 100 : B ratio
    private static final int SAMPLE = Integer.getInteger("bench.scale.sample", 100);
    private static final int PUSHES = Integer.getInteger("bench.scale.pushes", 100);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "10,000 trainers with a CalDAV connection (1,000 with 1,000 bookings): cost of a quiet round, a full "
                + "round, pushes during it, RSS";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("spotter-scale-");
        try (FastDav dav = new FastDav();
                ConfigurableApplicationContext spotter = new SpringApplicationBuilder(SpotterApplication.class,
                        StatementCounter.class).run(
                                // arguments, not default properties: application.properties would win over those
                                "--server.port=0",
                                "--spotter.data-dir=" + data,
                                "--spotter.embedded-postgres.ephemeral=true",
                                "--spotter.caldav.allow-private-networks=true",
                                "--spotter.sync.round-interval=PT1H",
                                "--logging.level.root=WARN")) {
            JdbcClient jdbc = spotter.getBean(JdbcClient.class);
            out.printf("sizes: %,d trainers, %,d with %,d bookings, %d with 100; load average %s%n", TRAINERS, HEAVY,
                    BOOKINGS, LIGHT, loadAverage());
            long seedStart = System.nanoTime();
            seed(jdbc, dav);
            out.printf("seeded in %.1f s (%,d bookings)%n", (System.nanoTime() - seedStart) / 1e9,
                    jdbc.sql("SELECT count(*) FROM bookings").query(Long.class).single());

            Object round = spotter.getBean(Class.forName("app.spotter.sync.engine.SyncRound"));
            Method run = round.getClass().getDeclaredMethod("run", UUID.class, Provider.class);
            run.setAccessible(true);
            for (int bookings : new int[] {100, BOOKINGS}) {
                List<UUID> sample = jdbc.sql("SELECT id FROM trainers WHERE name = ? LIMIT ?")
                        .params("scale " + bookings, SAMPLE).query(UUID.class).list();
                roundCost(run, round, sample); // warm-up: the first round also creates the status row
                long reports = dav.reports();
                String cost = roundCost(run, round, sample);
                out.printf("no-change round at %,d bookings: %s, %.2f requests%n", bookings, cost,
                        (double) (dav.reports() - reports) / sample.size());
            }

            // a round of every connection at once, with pushes made while it runs
            List<UUID[]> live = jdbc.sql("SELECT t.id, c.id FROM trainers t JOIN clients c ON c.trainer_id = t.id "
                            + "WHERE t.name = 'scale live'")
                    .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            dav.onPut((path, nanos) -> arrived.putIfAbsent(path.substring(path.lastIndexOf('/') + 1)
                    .replace(".ics", ""), nanos));
            long reportsBefore = dav.reports();
            long statementsBefore = StatementCounter.allThreads();
            long cpuBefore = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            Memory peak = Memory.of(ProcessHandle.current());
            long start = System.nanoTime();
            int due = jdbc.sql("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                    SELECT 'sync-round', CAST(trainer_id AS text) || ':apple', NOW(), FALSE, 1, 10
                      FROM sync_connections ON CONFLICT DO NOTHING""").update();
            spotter.getBean(Scheduler.class).triggerCheckForDueExecutions();
            Bookings bookings = spotter.getBean(Bookings.class);
            Map<String, Long> saved = new ConcurrentHashMap<>();
            Instant day = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < PUSHES; i++) {
                UUID[] who = live.get(i % live.size());
                Instant at = day.plus(Duration.ofHours(i));
                var booking = bookings.create(who[0], new BookingDetails(who[1], at, at.plus(Duration.ofMinutes(45)),
                        SessionType.ONE_ON_ONE, null, null, null));
                saved.put(booking.id().toString().replace("-", ""), System.nanoTime());
                Thread.sleep(50);
                peak = Memory.max(peak, Memory.of(ProcessHandle.current()));
            }
            long doneAt;
            while (true) {
                peak = Memory.max(peak, Memory.of(ProcessHandle.current()));
                int left = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sync-round'")
                        .query(Integer.class).single();
                if (left == 0) {
                    doneAt = System.nanoTime();
                    break;
                }
                if (System.nanoTime() - start > Duration.ofMinutes(15).toNanos()) {
                    throw new IllegalStateException(left + " rounds still waiting after 15 minutes");
                }
                Thread.sleep(100);
            }
            long statements = StatementCounter.allThreads() - statementsBefore;
            long cpuAfter = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            out.printf("full round of %,d connections: %.1f s (%,d REPORTs, %d pushes made during it)%n", due,
                    (doneAt - start) / 1e9, dav.reports() - reportsBefore, PUSHES);
            out.printf("  all threads during it: %,d statements (%.1f per connection, scheduler included), "
                    + "Spotter JVM CPU %.1f s (%.2f ms per connection)%n", statements, (double) statements / due,
                    (cpuAfter - cpuBefore) / 1e9, (cpuAfter - cpuBefore) / 1e6 / due);
            Thread.sleep(3000);
            List<Long> latencies = new ArrayList<>();
            saved.forEach((id, t) -> {
                Long a = arrived.get(id);
                if (a != null) {
                    latencies.add(a - t);
                }
            });
            out.printf("pushes during the round: %d of %d arrived; saved -> on the server: %s%n", latencies.size(),
                    saved.size(), Percentiles.ofNanos(latencies));
            out.printf("memory (this JVM: Spotter, fake server, benchmark): peak %s; load average %s%n", peak,
                    loadAverage());
        }
    }

    private static String roundCost(Method run, Object round, List<UUID> trainers) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long statements = 0;
        long rows = 0;
        long cpu = 0;
        long wall = System.nanoTime();
        for (UUID trainer : trainers) {
            long before = threads.getCurrentThreadCpuTime();
            var cost = StatementCounter.measure(() -> {
                try {
                    run.invoke(round, trainer, Provider.APPLE);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            cpu += threads.getCurrentThreadCpuTime() - before;
            statements += cost.statements();
            rows += cost.rows();
        }
        int n = trainers.size();
        return "%.2f statements, %.2f rows, %.2f ms CPU, %.2f ms wall per round (n=%d)".formatted(
                (double) statements / n, (double) rows / n, cpu / 1e6 / n, (System.nanoTime() - wall) / 1e6 / n, n);
    }

    /** Trainers, connections (sync token current), preferences, clients, bookings and mirror rows, in SQL. */
    private static void seed(JdbcClient jdbc, FastDav dav) {
        String base = dav.base().toString();
        jdbc.sql("""
                INSERT INTO trainers (name, email, password_hash)
                SELECT CASE WHEN g <= ? THEN 'scale ' || ? WHEN g <= ? THEN 'scale 100'
                            WHEN g <= ? THEN 'scale live' ELSE 'scale idle' END,
                       'scale-' || g || '@bench.test', 'not a hash: nobody signs in'
                  FROM generate_series(1, ?) g""")
                .params(HEAVY, BOOKINGS, HEAVY + LIGHT, HEAVY + LIGHT + 20, TRAINERS).update();
        jdbc.sql("""
                INSERT INTO calendar_sync_preferences (trainer_id, apple_calendar_enabled, sync_frequency)
                SELECT id, TRUE, 'realtime' FROM trainers WHERE name LIKE 'scale %'""").update();
        jdbc.sql("""
                INSERT INTO sync_connections (trainer_id, provider, settings, sync_token)
                SELECT id, 'apple', jsonb_build_object('server_url', CAST(? AS text), 'username', 'bench',
                           'calendar_name', 'Spotter', 'calendar_url', ? || 'cal/' || id || '/'), ?
                  FROM trainers WHERE name LIKE 'scale %'""").params(base, base, FastDav.TOKEN).update();
        jdbc.sql("""
                INSERT INTO clients (trainer_id, first_name, last_name)
                SELECT id, 'Client', 'Of ' || name FROM trainers WHERE name IN (?, 'scale 100', 'scale live')""")
                .param("scale " + BOOKINGS).update();
        for (String[] kind : new String[][] {{"scale " + BOOKINGS, String.valueOf(BOOKINGS)}, {"scale 100", "100"}}) {
            jdbc.sql("""
                    WITH b AS (
                      INSERT INTO bookings (trainer_id, client_id, starts_at, ends_at)
                      SELECT t.id, c.id, date_trunc('hour', NOW()) + make_interval(days => 2, hours => g),
                             date_trunc('hour', NOW()) + make_interval(days => 2, hours => g, mins => 45)
                        FROM trainers t JOIN clients c ON c.trainer_id = t.id, generate_series(1, ?) g
                       WHERE t.name = ?
                      RETURNING id, trainer_id)
                    INSERT INTO calendar_events (booking_id, trainer_id, provider, external_event_id, etag,
                                                 content_hash, resource_url)
                    SELECT id, trainer_id, 'apple', replace(CAST(id AS text), '-', ''), '"1"', 'seeded', NULL
                      FROM b""").params(Integer.parseInt(kind[1]), kind[0]).update();
        }
        jdbc.sql("ANALYZE").update();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}

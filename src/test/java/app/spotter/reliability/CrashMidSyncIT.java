package app.spotter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of pushing 400 bookings to a real Radicale, then one restart, both on the embedded
 * default (the jar started as {@code scripts/run} starts it, no database configured). The killed JVM leaves its
 * PostgreSQL running; the restart shuts that one down cleanly and comes up on the first try. Every booking ends up
 * on the server exactly once, and the work the dead instance held resumes by itself within two minutes
 * (db-scheduler's dead-execution revival: heartbeat 10 s, dead after 6 missed).
 */
class CrashMidSyncIT {

    /**
     * Enough for the kill to land mid-push. Every commit now waits for its fsync (about 8 ms on the shared CI disk),
     * so 1,000 pushes took over 15 minutes on the loaded machine, and 400 took five (most of CI's time); 200 with
     * the kill after 40 still leave a minute of push on both sides of the kill, at a trainer's two workers.
     */
    static final int BOOKINGS = 200;
    static final OffsetDateTime FIRST = OffsetDateTime.now(java.time.ZoneOffset.ofHours(2))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusDays(1).withHour(6); // tomorrow: no fixed date

    @Test
    void afterKillDashNineAndARestartEveryBookingIsOnTheServerExactlyOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("spotter-crash-");
        try (TestPostgres db = TestPostgres.ofDataDir(dataDir);
                CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE)) {
            SpotterProcess first = SpotterProcess.startEmbedded(dataDir, Map.of());
            long orphan;
            ApiClient api;
            List<String> ids;
            URI calendar;
            int onServerAtKill;
            List<String> heldByTheDead;
            java.sql.Timestamp killedAt;
            try {
                api = ApiClient.newTrainer(first.port, "Africa/Johannesburg");
                String clientId = api.createClient("Naledi", "Dube", null);
                ids = createBookings(api, clientId);
                Eventually.await(Duration.ofSeconds(60), "no-op jobs of the new bookings", () -> db.workLeft() == 0);

                var connected = api.put("/api/v1/calendar-sync/connections/apple", """
                        {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Crash"}"""
                        .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, radicale.baseUrl()));
                assertThat(connected.status()).as(connected.body()).isEqualTo(200);
                calendar = URI.create(connected.json().get("calendar_url").stringValue());

                // kill once the push is well under way (on a loaded shared machine it can take minutes to get here)
                Eventually.await(Duration.ofSeconds(300), "forty events pushed",
                        () -> db.appleEventsConfirmed() >= 40);
                first.kill();
                orphan = db.serverPid();
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .as("the killed JVM left its PostgreSQL running").isPresent();
                killedAt = db.jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single();
                onServerAtKill = db.appleEventsConfirmed();
                heldByTheDead = db.jdbc.sql("SELECT task_instance FROM scheduled_tasks "
                        + "WHERE task_name = 'reconcile-booking' AND picked").query(String.class).list();
            } finally {
                first.kill();
            }
            assertThat(onServerAtKill).as("killed in the middle of the push").isBetween(1, BOOKINGS - 1);

            long restarted = System.nanoTime();
            try (SpotterProcess second = SpotterProcess.startEmbedded(dataDir, Map.of())) {
                long healthy = System.nanoTime();
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("orphan stopped").isEmpty();
                assertThat(second.log()).contains("left running on", "stopping it cleanly")
                        .doesNotContain("Gave up waiting", "APPLICATION FAILED TO START");
                long[] resumed = {0};
                long[] progress = {System.nanoTime()};
                try {
                    Eventually.await(Duration.ofSeconds(600), "all bookings pushed after the restart", () -> {
                        // revived: no execution is still marked as picked by the dead instance
                        if (resumed[0] == 0 && db.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = "
                                + "'reconcile-booking' AND picked AND last_heartbeat <= ?", killedAt) == 0) {
                            resumed[0] = System.nanoTime();
                        }
                        if (System.nanoTime() - progress[0] > 15_000_000_000L) {
                            progress[0] = System.nanoTime();
                            System.out.printf("[crash] %.0f s after restart: %d confirmed, %d pending%n",
                                    seconds(progress[0] - restarted), db.appleEventsConfirmed(), db.workLeft());
                        }
                        return db.appleEventsConfirmed() == BOOKINGS && db.workLeft() == 0;
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; confirmed " + db.appleEventsConfirmed() + ", work left "
                            + db.workLeft() + "\n" + second.logTail(), e);
                }
                long done = System.nanoTime();

                CalendarOnServer server = new CalendarOnServer(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
                URI direct = radicale.baseUrl().resolve(calendar.getRawPath());
                List<String> resources = server.resources(direct);
                List<CalendarOnServer.CalendarObject> objects = server.objects(direct);
                List<String> uids = objects.stream().flatMap(o -> o.uids().stream()).toList();
                Set<String> expected = ids.stream().map(id -> id + "@spotter.app").collect(Collectors.toSet());
                Map<String, Long> perUid = uids.stream().collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting()));

                System.out.printf("[crash] killed with %d/%d events confirmed and %d executions held by the dead "
                                + "instance; restart to healthy %.1f s, held work resumed after %.1f s, all %d on the "
                                + "server %.1f s after the restart; server holds %d resources, %d UIDs, %d duplicated%n",
                        onServerAtKill, BOOKINGS, heldByTheDead.size(), seconds(healthy - restarted),
                        seconds((resumed[0] == 0 ? done : resumed[0]) - restarted), BOOKINGS,
                        seconds(done - restarted), resources.size(), perUid.size(),
                        perUid.values().stream().filter(n -> n > 1).count());

                assertThat(resources).hasSize(BOOKINGS);
                assertThat(objects).hasSize(BOOKINGS);
                assertThat(perUid).as("each UID exactly once").allSatisfy((uid, n) -> assertThat(n).isEqualTo(1L));
                assertThat(perUid.keySet()).isEqualTo(expected);
                assertThat(resources).allSatisfy(href -> assertThat(href).endsWith(".ics"));
                assertThat(resumed[0]).as("the dead instance's executions were revived").isPositive();
                assertThat(seconds(resumed[0] - restarted)).as("seconds from restart to revived work")
                        .isLessThan(120);

                JsonNode status = api.at(second.port).get("/api/v1/calendar-sync/status")
                        .json().get(0);
                assertThat(status.get("provider").stringValue()).isEqualTo("apple");
                assertThat(status.get("events_synced").intValue()).isEqualTo(BOOKINGS);
                assertThat(status.get("sync_status").stringValue()).isEqualTo("ok");
                assertThat(db.count("SELECT count(*) FROM calendar_events WHERE provider = 'apple'"))
                        .as("no reserved, unconfirmed rows left").isEqualTo(BOOKINGS);
            }
        }
    }

    /** The bookings 90 minutes apart (no overlaps), four requests at a time. */
    private static List<String> createBookings(ApiClient api, String clientId) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < BOOKINGS; i++) {
                String start = FIRST.plusMinutes(90L * i).toString();
                futures.add(pool.submit(() -> api.createBooking(clientId, start, 60)));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        assertThat(new HashSet<>(ids)).hasSize(BOOKINGS);
        return Collections.unmodifiableList(ids);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

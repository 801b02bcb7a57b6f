package app.spotter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * scripts/backup while Spotter runs on the embedded default, then the data dir deleted and scripts/restore into a
 * fresh one with the key file put back: the same trainer (even the same bearer token), clients, bookings and
 * calendar connection are there, and sync carries on from the restored mirror rows without duplicating an event;
 * the stored CalDAV password still opens, so a new booking reaches the calendar.
 */
class BackupRestoreIT {

    static final int BOOKINGS = 12;

    @Test
    void aRestoredBackupBringsEverythingBackAndSyncCarriesOnWithoutDuplicates() throws Exception {
        Path dataDir = Files.createTempDirectory("spotter-backup-");
        Path safe = Files.createTempDirectory("spotter-backup-safe-");
        Path dump = safe.resolve("spotter.zip");
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.DAYS).plusDays(1)
                .withHour(6);
        try (TestPostgres db = TestPostgres.ofDataDir(dataDir);
                CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE)) {
            ApiClient api;
            URI calendar;
            List<String> ids = new ArrayList<>();
            Map<String, String> before;
            try (SpotterProcess spotter = SpotterProcess.startEmbedded(dataDir, Map.of())) {
                api = ApiClient.newTrainer(spotter.port, "Africa/Johannesburg");
                String client = api.createClient("Lindiwe", "Khumalo", "lindiwe@example.com");
                api.createClient("Pieter", "van Wyk", null);
                for (int i = 0; i < BOOKINGS; i++) {
                    ids.add(api.createBooking(client, first.plusHours(3L * i).toString(), 60));
                }
                var connected = api.put("/api/v1/calendar-sync/connections/apple", """
                        {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Backup"}"""
                        .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, radicale.baseUrl()));
                assertThat(connected.status()).as(connected.body()).isEqualTo(200);
                calendar = URI.create(connected.json().get("calendar_url").stringValue());
                ApiClient trainer = api;
                Eventually.await(Duration.ofSeconds(120), "all pushed", () -> db.workLeft() == 0
                        && trainer.get("/api/v1/calendar-sync/status").json().get(0).get("events_synced")
                        .intValue() == BOOKINGS);
                before = snapshot(api);

                Result backup = script("backup", dump, dataDir);
                assertThat(backup.exit()).as(backup.output()).isZero();
                assertThat(backup.output()).contains("Backed up");
            }
            assertThat(Files.getPosixFilePermissions(dump)).isEqualTo(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            // the operator kept the key file with the dump, as docs/operations.md says
            Files.copy(dataDir.resolve("secret.key"), safe.resolve("secret.key"));
            deleteTree(dataDir);
            Files.createDirectories(dataDir);

            Result restore = script("restore", dump, dataDir);
            assertThat(restore.exit()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Restored");
            Files.copy(safe.resolve("secret.key"), dataDir.resolve("secret.key"));

            try (SpotterProcess spotter = SpotterProcess.startEmbedded(dataDir, Map.of())) {
                ApiClient restored = api.at(spotter.port);
                assertThat(snapshot(restored)).isEqualTo(before);

                assertThat(restored.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
                String client = restored.get("/api/v1/clients").json().get(0).get("id").stringValue();
                String added = restored.createBooking(client, first.plusDays(10).toString(), 60);
                ids.add(added);
                Eventually.await(Duration.ofSeconds(120), "the new booking pushed with the restored password",
                        () -> db.workLeft() == 0 && restored.get("/api/v1/calendar-sync/status").json().get(0)
                                .get("events_synced").intValue() == BOOKINGS + 1);
                var status = restored.get("/api/v1/calendar-sync/status").json().get(0);
                assertThat(status.get("sync_status").stringValue()).isEqualTo("ok");

                CalendarOnServer server = new CalendarOnServer(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
                URI direct = radicale.baseUrl().resolve(calendar.getRawPath());
                Map<String, Long> perUid = server.objects(direct).stream().flatMap(o -> o.uids().stream())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(perUid.keySet()).isEqualTo(ids.stream().map(id -> id + "@spotter.app")
                        .collect(Collectors.toSet()));
                assertThat(perUid).as("each event exactly once").allSatisfy((uid, n) -> assertThat(n).isEqualTo(1L));
                assertThat(server.resources(direct)).hasSize(BOOKINGS + 1);
            }
        } finally {
            deleteTree(safe);
        }
    }

    /** What a trainer sees: profile, clients, bookings, and which calendar is connected. */
    private static Map<String, String> snapshot(ApiClient api) {
        var status = api.get("/api/v1/calendar-sync/status").json().get(0);
        return Map.of("me", api.get("/api/v1/me").body(), "clients", api.get("/api/v1/clients").body(),
                "bookings", api.get("/api/v1/bookings").body(),
                "connection", status.get("provider").stringValue() + " " + status.get("sync_status").stringValue()
                        + " " + status.get("events_synced").intValue());
    }

    record Result(int exit, String output) {}

    private static Result script(String name, Path file, Path dataDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/" + name, file.toString())
                .redirectErrorStream(true);
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().put("SPOTTER_DATA_DIR", dataDir.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.FaultyProxy;
import app.spotter.support.SpotterIT;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One trainer's stalling calendar server holds at most two sync workers; everybody else's bookings still reach
 * their calendars at the normal latency. (Before, all 8 workers waited on the stalled server.)
 */
class BulkheadIT extends SpotterIT {

    static final LocalDate DAY = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(20);
    static CalDavServerProcess radicale;

    final RawDav raw = new RawDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startRadicale() {
        radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
    }

    @AfterAll
    static void stopRadicale() {
        radicale.close();
    }

    @Test
    void aTrainersBookingReachesTheirCalendarInUnderASecondWhileAnotherTrainersServerStalls() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FaultyProxy stalling = new FaultyProxy(radicale.baseUrl())) {
            ApiClient b = newTrainer();
            connect(b, stalling.uri());
            stalling.stallWrites(release);
            String bClient = b.createClient("Bongani", "Zulu", null);
            for (int i = 0; i < 12; i++) {
                b.createBooking(bClient, DAY + "T%02d:00:00+02:00".formatted(6 + i), 30);
            }
            String bTrainer = b.get("/api/v1/me").json().get("id").stringValue();
            Eventually.await(Duration.ofSeconds(20), "B's pushes picked up and stalled", () -> jdbc.sql(
                    "SELECT count(*) FROM scheduled_tasks t JOIN sync_pending p ON t.task_instance = "
                            + "CAST(p.booking_id AS text) WHERE p.trainer_id = CAST(? AS uuid) AND t.picked")
                    .param(bTrainer).query(Integer.class).single() >= 2);

            ApiClient a = newTrainer();
            URI calendar = connect(a, radicale.baseUrl());
            String aClient = a.createClient("Ayanda", "Mthembu", null);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = a.createBooking(aClient, DAY.plusDays(1) + "T%02d:00:00+02:00".formatted(7 + i), 45);
                long saved = System.nanoTime();
                URI event = calendar.resolve(id.replace("-", "") + ".ics");
                Eventually.await(Duration.ofSeconds(30), "A's event on A's server",
                        () -> raw.get(event).status() == 200);
                latencies.add((System.nanoTime() - saved) / 1_000_000);
            }

            assertThat(Collections.max(latencies)).as("p99 (the slowest of %s) in ms", latencies)
                    .isLessThanOrEqualTo(1000);
        } finally {
            release.countDown();
        }
    }

    private static URI connect(ApiClient api, URI server) {
        var r = api.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"%s"}"""
                .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, server,
                        "Spotter " + UUID.randomUUID()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return URI.create(r.json().get("calendar_url").stringValue());
    }
}

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A calendar server that is down gets a few requests, then one probe at a time, not one retry per booking; when
 * it comes back, the probe gets through and every waiting booking arrives.
 */
class CircuitBreakerIT extends SpotterIT {

    static final LocalDate DAY = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(30);
    static final int BOOKINGS = 20;
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
    void aServerThatIsDownSeesOneProbeAtATimeAndEveryBookingArrivesWhenItIsBack() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(radicale.baseUrl())) {
            ApiClient api = newTrainer();
            URI calendar = connect(api, proxy.uri());
            String trainer = api.get("/api/v1/me").json().get("id").stringValue();
            proxy.down(503, Duration.ofMillis(300));

            String client = api.createClient("Zanele", "Khumalo", null);
            List<String> bookings = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                bookings.add(api.createBooking(client, DAY + "T%02d:%02d:00+02:00".formatted(5 + i / 2, 30 * (i % 2)),
                        25));
            }

            Eventually.await(Duration.ofSeconds(60), "the connection parked and all its work held",
                    () -> parked(trainer) && held(trainer) == BOOKINGS);
            // pushes only: making a booking also looks the trainer's busy times up (a read) until the breaker parks
            int beforeParking = proxy.downAnsweredWrites();
            // the threshold (5) plus what the two workers had in flight; before, each of the 20 bookings retried
            assertThat(beforeParking).as("requests before parking").isBetween(5, 8);
            assertThat(status(api)).contains("paused");
            proxy.resetMostAtOnce();

            for (int probe = 1; probe <= 2; probe++) {
                int before = proxy.downAnswered();
                probeNow(trainer);
                Eventually.await(Duration.ofSeconds(30), "probe " + probe + " answered and parked again",
                        () -> proxy.downAnswered() == before + 1 && parked(trainer) && probeScheduled(trainer));
                Eventually.await(Duration.ofSeconds(10), "the held work still held",
                        () -> held(trainer) == BOOKINGS);
                assertThat(proxy.downAnswered()).as("one request per probe").isEqualTo(before + 1);
            }
            assertThat(proxy.downMostAtOnce()).as("requests at once while parked").isEqualTo(1);

            proxy.up();
            probeNow(trainer);
            for (String booking : bookings) {
                URI event = calendar.resolve(booking.replace("-", "") + ".ics");
                Eventually.await(Duration.ofSeconds(60), "booking on the server once it is back",
                        () -> raw.get(event).status() == 200);
            }
            Eventually.await(Duration.ofSeconds(30), "the breaker closed and nothing held",
                    () -> !parked(trainer) && held(trainer) == 0);
            Eventually.await(Duration.ofSeconds(30), "the status in step again",
                    () -> api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status").stringValue()
                            .equals("ok"));
        }
    }

    private boolean parked(String trainer) {
        return jdbc.sql("SELECT parked_until IS NOT NULL FROM sync_connections WHERE trainer_id = CAST(? AS uuid)")
                .param(trainer).query(Boolean.class).single();
    }

    private int held(String trainer) {
        return jdbc.sql("SELECT count(*) FROM sync_pending WHERE trainer_id = CAST(? AS uuid) AND held")
                .param(trainer).query(Integer.class).single();
    }

    private boolean probeScheduled(String trainer) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'probe-connection' "
                        + "AND task_instance = ? AND NOT picked")
                .param(trainer + ":apple").query(Integer.class).single() == 1;
    }

    /** The probe's backoff is up to 30 s and more; the test moves the next probe to now instead of waiting. */
    private void probeNow(String trainer) {
        Eventually.await(Duration.ofSeconds(30), "a probe scheduled", () -> probeScheduled(trainer));
        jdbc.sql("UPDATE sync_connections SET parked_until = NOW() WHERE trainer_id = CAST(? AS uuid)")
                .param(trainer).update();
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = NOW(), version = version + 1 "
                        + "WHERE task_name = 'probe-connection' AND task_instance = ? AND NOT picked")
                .param(trainer + ":apple").update();
    }

    private static String status(ApiClient api) {
        return api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").stringValue();
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

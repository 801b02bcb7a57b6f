package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.store.MirrorStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Races between the engine's jobs and the trainer's own actions, found in review; each was a bug. */
class SyncRacesIT extends SpotterIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MirrorStore mirrors;

    @Autowired
    CalendarSync sync;

    @Test
    void connectingACalendarEnqueuesTheBacklogOnce() {
        ApiClient api = newTrainer();
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        String booking = api.createBooking(api.createClient("Sipho", "Dlamini", null), inDays(3, "09:00"), 60);

        connectEmail(api);

        // generation starts at 1 and every enqueue bumps it: 2 meant the whole backlog was requested twice
        assertThat(jdbc.sql("SELECT generation FROM sync_pending WHERE booking_id = CAST(? AS uuid)")
                .param(booking).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aPushThatFinishesAfterTheCalendarWasDisconnectedLeavesNoMirrorRowBehind() {
        ApiClient api = newTrainer();
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        connectEmail(api);
        UUID trainer = trainerId(api);
        UUID booking = UUID.fromString(api.createBooking(api.createClient("Lerato", "Mokoena", null),
                inDays(4, "10:00"), 60));

        // the job read the connection, sent the event, and the trainer disconnected before it recorded the result
        assertThat(api.delete("/api/v1/calendar-sync/connections/email").status()).isEqualTo(204);
        RemoteEvent sent = new RemoteEvent(booking.toString().replace("-", ""), "1", null);
        assertThatThrownBy(() -> mirrors.reserve(trainer, booking, Provider.EMAIL, sent.externalId()))
                .isInstanceOf(MirrorStore.ConnectionGone.class);
        assertThatThrownBy(() -> mirrors.save(trainer, booking, Provider.EMAIL, sent, "h", 1))
                .isInstanceOf(MirrorStore.ConnectionGone.class);

        assertThat(jdbc.sql("SELECT count(*) FROM calendar_events WHERE booking_id = ?").param(booking)
                .query(Integer.class).single()).as("no row for a calendar that is not connected").isZero();
        assertThat(api.delete("/api/v1/bookings/" + booking).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE id = ?").param(booking).query(Integer.class)
                .single()).as("the deleted booking is purged").isZero();
    }

    @Test
    void switchingFromDailyToRealtimeMakesWorkAlreadyWaitingDueNow() {
        ApiClient api = newTrainer();
        connectEmail(api);
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"daily\"}");
        String booking = api.createBooking(api.createClient("Ayanda", "Nkosi", null), inDays(5, "11:00"), 60);
        assertThat(executionTime(booking)).as("waits for the trainer's midnight")
                .hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now().plusSeconds(60)));

        Instant switched = Instant.now();
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"realtime\"}");

        // due at once: either still queued with a time no later than the switch, or already run and rescheduled
        // by its own outcome (the test server has no SMTP, so it retries) - never the old midnight slot
        assertThat(executionTime(booking)).hasValueSatisfying(t -> assertThat(t)
                .isBefore(switched.plusSeconds(120)));
    }

    private Optional<Instant> executionTime(String booking) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'reconcile-booking' "
                        + "AND task_instance = ?")
                .param(booking).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** As a server with SMTP connected it (this test server has none, so the API would refuse it now). */
    private void connectEmail(ApiClient api) {
        sync.connected(new Connection(trainerId(api), Provider.EMAIL,
                Map.of("trainer_address", "coach@example.com", "send_to_clients", "false"), null));
    }

    private static UUID trainerId(ApiClient api) {
        return UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
    }

    private static String inDays(int days, String time) {
        return LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(days) + "T" + time + ":00+02:00";
    }
}

package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.StatusStore;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How a failing calendar is shown: a failure that has lasted more than a day says so in words. */
class FailureStatusIT extends SpotterIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatusStore status;

    @Autowired
    CalendarSync sync;

    @Test
    void aFailureThatHasLastedMoreThanADaySaysHowLongInWordsAndASuccessClearsIt() {
        ApiClient api = newTrainer();
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        UUID trainer = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        // connected while the server had SMTP (this test server has none, so the API would refuse it now)
        sync.connected(new Connection(trainer, Provider.EMAIL,
                Map.of("trainer_address", "coach@example.com", "send_to_clients", "false"), null));

        status.failed(trainer, Provider.EMAIL, SyncStatus.ERROR, "The mail server did not answer.");
        assertThat(message(api)).isEqualTo("The mail server did not answer.");

        // the first failure was two days and an hour ago; failures since then keep that start
        jdbc.sql("UPDATE calendar_sync_status SET failing_since = NOW() - INTERVAL '2 days 1 hour' "
                + "WHERE trainer_id = ?").param(trainer).update();
        status.failed(trainer, Provider.EMAIL, SyncStatus.ERROR, "The mail server did not answer.");
        assertThat(message(api)).isEqualTo("Failing for 2 days. The mail server did not answer.");

        status.pushed(trainer, Provider.EMAIL, 1);
        assertThat(api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").isNull()).isTrue();
        status.failed(trainer, Provider.EMAIL, SyncStatus.ERROR, "Again.");
        assertThat(message(api)).as("a new failure starts a new count").isEqualTo("Again.");
    }

    private static String message(ApiClient api) {
        return api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").stringValue();
    }
}

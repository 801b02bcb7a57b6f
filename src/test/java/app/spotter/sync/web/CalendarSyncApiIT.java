package app.spotter.sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import org.junit.jupiter.api.Test;

class CalendarSyncApiIT extends SpotterIT {

    @Test
    void withoutGoogleCredentialsTheServerSaysGoogleIsNotConfigured() {
        var r = newTrainer().post("/api/v1/calendar-sync/connections/google", null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").stringValue()).contains("not configured");
    }

    @Test
    void withoutAnSmtpServerEmailCannotBeConnectedAndTheAnswerSaysWhyInWords() {
        ApiClient api = newTrainer();
        var r = api.put("/api/v1/calendar-sync/connections/email",
                "{\"trainer_address\":\"coach@example.com\",\"send_to_clients\":true}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").stringValue()).contains("no SMTP server configured");
        // nothing was stored: no connection that could only retry for ever
        assertThat(api.get("/api/v1/calendar-sync/status").json()).isEmpty();
        assertThat(api.post("/api/v1/calendar-sync/sync", "{\"provider\":\"email\"}").status()).isEqualTo(422);
    }

    @Test
    void aNewTrainerHasNoConnectedCalendars() {
        assertThat(newTrainer().get("/api/v1/calendar-sync/status").json()).isEmpty();
    }

    @Test
    void disconnectingSomethingNeverConnectedIs404AndAnUnknownProviderToo() {
        ApiClient api = newTrainer();
        assertThat(api.delete("/api/v1/calendar-sync/connections/apple").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/calendar-sync/connections/outlook").status()).isEqualTo(404);
    }

    @Test
    void syncNowForACalendarThatIsNotConnectedIsRefused() {
        var r = newTrainer().post("/api/v1/calendar-sync/sync", "{\"provider\":\"apple\"}");
        assertThat(r.status()).isEqualTo(422);
        var bad = newTrainer().post("/api/v1/calendar-sync/sync", "{\"provider\":\"fax\"}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void appleConnectValidatesItsFieldsBeforeCallingAnyServer() {
        var r = newTrainer().put("/api/v1/calendar-sync/connections/apple",
                "{\"server_url\":\"ftp://x\",\"calendar_name\":\"A\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("username", "app_password", "server_url");
    }
}

package app.spotter.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreferencesApiIT extends SpotterIT {

    private ApiClient api;

    @BeforeEach
    void trainer() {
        api = newTrainer();
    }

    @Test
    void aNewTrainerHasTheSeedsDefaults() {
        var r = api.get("/api/v1/calendar-sync/preferences");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("""
                {"google_calendar_enabled":false,"apple_calendar_enabled":false,"email_calendar_enabled":false,\
                "sync_frequency":"realtime","calendar_view_default":"month","show_client_names":true,\
                "session_colors":{},"timezone_display":"Africa/Johannesburg"}""");
    }

    @Test
    void aPartialPutChangesOnlyWhatItNames() {
        var r = api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false,"session_colors":{"group":"#ff8800"},"calendar_view_default":"week"}""");
        assertThat(r.status()).isEqualTo(200);
        var now = api.get("/api/v1/calendar-sync/preferences").json();
        assertThat(now.get("show_client_names").booleanValue()).isFalse();
        assertThat(now.get("session_colors").get("group").stringValue()).isEqualTo("#FF8800");
        assertThat(now.get("calendar_view_default").stringValue()).isEqualTo("week");
        assertThat(now.get("sync_frequency").stringValue()).isEqualTo("realtime");
    }

    @Test
    void theDisplayZoneIsTheZoneTheApiAnswersIn() {
        String client = api.createClient("A", "B", null);
        api.put("/api/v1/calendar-sync/preferences", "{\"timezone_display\":\"Europe/London\"}");
        var booking = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"2026-07-01T09:00:00+02:00","duration_minutes":60}""".formatted(client));
        assertThat(booking.json().get("starts_at").stringValue()).isEqualTo("2026-07-01T08:00:00+01:00");
    }

    @Test
    void badValuesAreRefusedNamingEachFieldAndNothingChanges() {
        var r = api.put("/api/v1/calendar-sync/preferences", """
                {"timezone_display":"Cape/Town","calendar_view_default":"year","sync_frequency":"weekly",
                 "session_colors":{"group":"red","pilates":"#FF0000"},"show_client_names":"no"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "timezone_display", "calendar_view_default", "sync_frequency", "session_colors.group",
                "session_colors.pilates", "show_client_names");
        assertThat(api.get("/api/v1/calendar-sync/preferences").json().get("timezone_display").stringValue())
                .isEqualTo("Africa/Johannesburg");
    }

    @Test
    void unknownFieldsAreRefused() {
        var r = api.put("/api/v1/calendar-sync/preferences", "{\"dark_mode\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("dark_mode");
    }
}

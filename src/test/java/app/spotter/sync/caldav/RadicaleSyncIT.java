package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RadicaleSyncIT extends AppleCalendarSyncIT {

    @BeforeAll
    static void startRadicale() {
        server = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
    }

    @Test
    void aWrongAppPasswordIsRefusedWithAPlainReasonAndNothingIsStored() {
        var fresh = newTrainer();
        var r = fresh.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"%s","app_password":"not-the-password","server_url":"%s"}"""
                .formatted(CalDavServerProcess.USER, server.baseUrl()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").stringValue()).containsIgnoringCase("password");
        assertThat(r.body()).doesNotContain("not-the-password");
        assertThat(fresh.get("/api/v1/calendar-sync/status").json()).isEmpty();
    }
}

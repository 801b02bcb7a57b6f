package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.BusyTimesApi;
import app.spotter.support.Eventually;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;

class RadicaleSyncIT extends AppleCalendarSyncIT {

    @BeforeAll
    static void startRadicale() {
        server = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAppPasswordIsStoredEncryptedAndNeverReturned() {
        byte[] stored = jdbc.sql("SELECT secret FROM sync_connections WHERE provider = 'apple' AND trainer_id = "
                        + "CAST(? AS uuid)").param(api.get("/api/v1/me").json().get("id").stringValue())
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(CalDavServerProcess.PASSWORD).doesNotContain("s3cret");
        // AES-GCM: 12-byte nonce + ciphertext + 16-byte tag
        assertThat(stored.length).isEqualTo(12 + CalDavServerProcess.PASSWORD.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length + 16);
        assertThat(api.get("/api/v1/calendar-sync/status").body()).doesNotContain(CalDavServerProcess.PASSWORD);
    }

    @Test
    void aGroupSessionShowsItsHeadcountInTheTrainersCalendarAndTheNamesOnlyWhileNamesAreShown() {
        String ben = api.createClient("Bongani", "Cele", null);
        var created = api.post("/api/v1/bookings", """
                {"client_ids":["%s","%s"],"starts_at":"%s","duration_minutes":60,"session_type":"group",
                 "notes":"asthma inhaler"}""".formatted(clientId, ben, at(15, "09:00")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        // RFC 5545 3.3.11: a comma in TEXT is escaped
        awaitEvent(id, "SUMMARY:Group session · 2/8 · Naledi Dube\\, Bongani Cele\r\n");

        String cas = api.createClient("Chantal", "Dlamini", null);
        api.patch("/api/v1/bookings/" + id, "{\"client_ids\":[\"%s\",\"%s\",\"%s\"]}".formatted(clientId, ben, cas));
        awaitEvent(id, "SUMMARY:Group session · 3/8 · Naledi Dube\\, Bongani Cele\\, Chantal Dlamini\r\n");

        api.put("/api/v1/calendar-sync/preferences", "{\"show_client_names\":false}");
        String ics = awaitEvent(id, "SUMMARY:Group session · 3/8\r\n");
        assertThat(ics).doesNotContain("Naledi", "Bongani", "Chantal", "asthma", "ATTENDEE");
    }

    @Test
    void withManualFrequencyNothingIsPushedUntilSyncNow() {
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        String id = api.createBooking(clientId, at(10, "09:00"), 60);
        awaitDueWorkDone();
        assertThat(jdbc.sql("SELECT count(*) FROM sync_pending WHERE booking_id = CAST(? AS uuid) AND due_at IS NULL")
                .param(id).query(Integer.class).single()).as("waiting for sync now, with no due time").isEqualTo(1);
        assertThat(raw.get(eventUrl(id)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/calendar-sync/sync", "{\"provider\":\"apple\"}").status()).isEqualTo(202);
        awaitEvent(id, "UID:");
    }

    @Test
    void withHourlyFrequencyAChangeWaitsForTheNextSlot() {
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"hourly\"}");
        java.time.Instant before = java.time.Instant.now();
        String id = api.createBooking(clientId, at(11, "09:00"), 60);
        java.time.Instant after = java.time.Instant.now();
        java.time.Instant due = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?")
                .param(id).query(java.sql.Timestamp.class).single().toInstant();
        // the top of the hour after the booking was made, whichever side of an hour boundary the request fell on
        assertThat(due).isEqualTo(due.truncatedTo(java.time.temporal.ChronoUnit.HOURS)).isAfter(before)
                .isBeforeOrEqualTo(after.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600));
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(id)).status()).isEqualTo(404);
    }

    @Test
    void turningAppleOffStopsPushingButLeavesWhatIsThere() {
        String kept = api.createBooking(clientId, at(12, "09:00"), 60);
        awaitEvent(kept, "UID:");
        api.put("/api/v1/calendar-sync/preferences", "{\"apple_calendar_enabled\":false}");
        String later = api.createBooking(clientId, at(12, "11:00"), 60);
        api.post("/api/v1/bookings/" + kept + "/cancel", null);
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(later)).status()).isEqualTo(404);
        assertThat(raw.get(eventUrl(kept)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status").stringValue())
                .isEqualTo("disabled");
    }

    @Test
    void disconnectingWithRemoveEventsTakesSpottersEventsOutOfTheCalendar() {
        String a = api.createBooking(clientId, at(13, "09:00"), 60);
        String b = api.createBooking(clientId, at(13, "11:00"), 60);
        awaitEvent(a, "UID:");
        awaitEvent(b, "UID:");
        assertThat(api.delete("/api/v1/calendar-sync/connections/apple?remove_events=true").status()).isEqualTo(204);
        // the engine drains the calendar in the background; the connection goes when the last event is out
        awaitGone(a);
        awaitGone(b);
        app.spotter.support.Eventually.await(WAIT, "connection gone",
                () -> api.get("/api/v1/calendar-sync/status").json().isEmpty());
        assertThat(api.get("/api/v1/calendar-sync/preferences").json().get("apple_calendar_enabled").booleanValue())
                .isFalse();
    }

    @Test
    void aCalendarTurnedOffIsStillEmptiedWhenDisconnectedWithRemoveEvents() {
        String a = api.createBooking(clientId, at(13, "14:00"), 60);
        awaitEvent(a, "UID:");
        api.put("/api/v1/calendar-sync/preferences", "{\"apple_calendar_enabled\":false}");
        String later = api.createBooking(clientId, at(13, "16:00"), 60);

        assertThat(api.delete("/api/v1/calendar-sync/connections/apple?remove_events=true").status()).isEqualTo(204);

        awaitGone(a);
        app.spotter.support.Eventually.await(WAIT, "connection gone",
                () -> api.get("/api/v1/calendar-sync/status").json().isEmpty());
        assertThat(raw.get(eventUrl(later)).status()).as("never pushed while off").isEqualTo(404);
    }

    @Test
    void erasingAClientTakesTheirSessionsOutOfTheCalendarAndLeavesEveryoneElses() {
        String other = api.createClient("Kagiso", "Sithole", null);
        String theirs = api.createBooking(clientId, at(15, "09:00"), 60);
        String kept = api.createBooking(other, at(15, "11:00"), 60);
        awaitEvent(theirs, "UID:");
        awaitEvent(kept, "UID:");

        assertThat(api.post("/api/v1/clients/" + clientId + "/erase", null).status()).isEqualTo(204);

        awaitGone(theirs);
        assertThat(raw.get(eventUrl(kept)).status()).isEqualTo(200);
    }

    @Test
    void deletingTheAccountTakesEverySessionOutOfTheCalendarAndThenEveryRow() {
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        String a = api.createBooking(clientId, at(16, "09:00"), 60);
        String b = api.createBooking(clientId, at(16, "11:00"), 60);
        awaitEvent(a, "UID:");
        awaitEvent(b, "UID:");

        assertThat(api.send("DELETE", "/api/v1/me", """
                {"password":"correct horse battery"}""").status()).isEqualTo(202);

        awaitGone(a);
        awaitGone(b);
        java.util.UUID id = java.util.UUID.fromString(trainerId);
        app.spotter.support.Eventually.await(java.time.Duration.ofSeconds(60), "every row of the account gone",
                () -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM trainers WHERE id = ?)
                             + (SELECT count(*) FROM sync_connections WHERE trainer_id = ?)
                             + (SELECT count(*) FROM bookings WHERE trainer_id = ?)""")
                        .params(id, id, id).query(Long.class).single() == 0);
    }

    @Test
    void disconnectingWithoutRemoveEventsLeavesThemThere() {
        String a = api.createBooking(clientId, at(14, "09:00"), 60);
        awaitEvent(a, "UID:");
        assertThat(api.delete("/api/v1/calendar-sync/connections/apple").status()).isEqualTo(204);
        assertThat(raw.get(eventUrl(a)).status()).isEqualTo(200);
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

    @Test
    void aSequenceAnotherClientRaisedIsNeverWrittenBackLower() {
        String id = api.createBooking(clientId, at(15, "09:00"), 60);
        String ours = awaitEvent(id, "UID:");
        // another client (python-caldav, Thunderbird) edits the event and raises SEQUENCE, as RFC 5546 2.1.4 asks
        String edited = ours.replaceAll("\r\nSEQUENCE:\\d+\r\n", "\r\nSEQUENCE:5\r\n")
                .replace("SUMMARY:1:1 session · Naledi Dube", "SUMMARY:Edited elsewhere");
        assertThat(raw.put(eventUrl(id), edited).status()).isBetween(200, 204);

        api.patch("/api/v1/bookings/" + id, "{\"location\":\"Camps Bay\"}");
        String after = awaitEvent(id, "LOCATION:Camps Bay");
        api.patch("/api/v1/bookings/" + id, "{\"location\":\"Sea Point\"}");
        String later = awaitEvent(id, "LOCATION:Sea Point");

        assertThat(after).contains("SUMMARY:1:1 session · Naledi Dube");
        assertThat(serverSequence(after)).as("above the other client's 5").isGreaterThan(5);
        assertThat(serverSequence(later)).as("and never lower afterwards").isGreaterThan(serverSequence(after));
    }

    @Test
    void theWebAppOffersBothChoicesForASessionDeletedInTheCalendarAndShowsItsActivityAndNotice() throws Exception {
        String id = api.createBooking(clientId, at(19, "09:00"), 60);
        rawEvent(id);
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);
        syncNow();
        awaitRemovedThere(id);
        var browser = new app.spotter.support.FormBrowser(port);
        String session = browser.logIn(api.get("/api/v1/me").json().get("email").stringValue(),
                "correct horse battery");

        String page = browser.get("/app/bookings/" + id + "/edit", session).body();
        assertThat(page).contains("Removed from your Apple Calendar", "Cancel the", "session (tell the client)",
                "Put it back", "Activity", "Deleted in Apple Calendar");
        String calendarPage = browser.get("/app/calendar", session).body();
        assertThat(calendarPage).contains("Deleted in Apple Calendar", "/app/bookings/" + id + "/edit");
        assertThat(browser.get("/app/sync", session).body()).contains("Deleted in Apple Calendar");

        var putBack = browser.post("/app/bookings/" + id + "/put-back", session, "provider=apple&_csrf="
                + app.spotter.support.FormBrowser.enc(app.spotter.support.FormBrowser.csrf(page)));
        assertThat(putBack.statusCode()).isEqualTo(302);
        awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(19, "090000"));
        assertThat(browser.get("/app/bookings/" + id + "/edit", session).body())
                .doesNotContain("Removed from your Apple Calendar").contains("Put back in Apple Calendar");

        java.util.regex.Matcher dismiss = java.util.regex.Pattern.compile("/app/notices/([0-9a-f-]{36})/dismiss")
                .matcher(calendarPage);
        assertThat(dismiss.find()).isTrue();
        assertThat(browser.post(dismiss.group(0), session, "_csrf=" + app.spotter.support.FormBrowser.enc(
                app.spotter.support.FormBrowser.csrf(calendarPage))).statusCode()).isEqualTo(302);
        assertThat(browser.get("/app/calendar", session).body()).doesNotContain("Deleted in Apple Calendar");
        assertThat(api.get("/api/v1/notices").json()).isEmpty();
    }

    @Test
    void theWebAppOffersPutBackAndCancellingTheWholeSeriesForASeriesDeletedInTheCalendar() throws Exception {
        List<String> sessions = weeklySeries(26);
        String anchor = sessions.getFirst();
        rawEvent(anchor);
        assertThat(raw.delete(eventUrl(anchor)).status()).isBetween(200, 204);
        syncNow();
        awaitRemovedThere(anchor);
        var browser = new app.spotter.support.FormBrowser(port);
        String session = browser.logIn(api.get("/api/v1/me").json().get("email").stringValue(),
                "correct horse battery");

        // any session of the series offers the choice about the whole series
        String page = browser.get("/app/bookings/" + sessions.get(2) + "/edit", session).body();
        assertThat(page).contains("The whole repeating series was removed from your Apple Calendar",
                "Cancel the", "whole series (the clients are told)", "Put it back")
                .doesNotContain("session (tell the client)");
        java.util.regex.Matcher cancelLink = java.util.regex.Pattern
                .compile("href=\"(/app/bookings/" + sessions.get(2) + "/cancel\\?scope=all)\"").matcher(page);
        assertThat(cancelLink.find()).as("the cancel link asks for the whole series").isTrue();
        String confirm = browser.get(cancelLink.group(1), session).body();
        assertThat(confirm).containsPattern("value=\"all\"\\s+checked");

        var putBack = browser.post("/app/bookings/" + sessions.get(2) + "/put-back", session, "provider=apple&_csrf="
                + app.spotter.support.FormBrowser.enc(app.spotter.support.FormBrowser.csrf(page)));
        assertThat(putBack.statusCode()).isEqualTo(302);
        awaitEvent(anchor, "RRULE:");
        assertThat(browser.get("/app/bookings/" + sessions.get(2) + "/edit", session).body())
                .doesNotContain("was removed from your Apple Calendar");
        assertThat(browser.get("/app/bookings/" + anchor + "/edit", session).body())
                .contains("The whole repeating series put back in Apple Calendar");
    }

    private static int serverSequence(String ics) {
        return Integer.parseInt(ics.replaceAll("(?s).*\r\nSEQUENCE:(\\d+)\r\n.*", "$1"));
    }

    /** Busy times need a second calendar in the account; one server is enough for this check. */
    @Test
    void aMoveMadeInTheCalendarOntoABusyTimeIsPutBackAndTheTrainerIsToldWhy() throws Exception {
        PersonalCalendar data = new PersonalCalendar(BASE.plusDays(23), CalDavServerProcess.USER);
        String name = "Personal " + UUID.randomUUID();
        URI personal = CalDavClient.connect(server.baseUrl(), CalDavServerProcess.USER, CalDavServerProcess.PASSWORD,
                DavPolicy.allowingPrivateNetworks()).createCalendar(name).href();
        try {
            movedOntoTheDentist(data, name, personal);
        } finally {
            // the account is shared by this class's tests: later trainers must not find it (nor read it as busy)
            raw.delete(personal);
        }
    }

    private void movedOntoTheDentist(PersonalCalendar data, String name, URI personal) {
        assertThat(raw.put(Hrefs.member(personal, "dentist.ics"), data.objects().get("dentist.ics")).status())
                .isBetween(200, 204);
        String calendarId = null;
        for (var c : api.get("/api/v1/calendar-sync/calendars").json()) {
            if (c.get("name").stringValue().equals(name)) {
                calendarId = c.get("id").stringValue();
            }
        }
        assertThat(calendarId).as("the new calendar is listed").isNotNull();
        assertThat(api.patch("/api/v1/calendar-sync/calendars/" + calendarId, "{\"busy\":true}").status())
                .isEqualTo(200);
        Instant dentist = data.instant(1, "10:00");
        Eventually.await(WAIT, "the dentist is busy time", () -> BusyTimesApi.busy(api, dentist.minusSeconds(60),
                dentist.plusSeconds(7200)).contains(dentist + "/" + data.instant(1, "11:00")));

        String id = api.createBooking(clientId, at(24, "08:00"), 60);
        assertThat(moveThereIsPutBack(id, 24, "080000", "090000", "100000", "110000").get("message").stringValue())
                .contains("Moved in Apple Calendar", "10:00-11:00", "busy in", name);
    }
}

package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.SpotterIT;
import app.spotter.sync.google.fake.FakeGoogle;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Spotter with Google configured, talking to a stateful fake of Calendar v3 and OAuth through the real client. */
class GoogleCalendarSyncIT extends SpotterIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final FakeGoogle GOOGLE = start();

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    ApiClient api;
    String clientId;

    static FakeGoogle start() {
        try {
            return new FakeGoogle();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("spotter.google.client-id", () -> FakeGoogle.CLIENT_ID);
        registry.add("spotter.google.client-secret", () -> FakeGoogle.CLIENT_SECRET);
        registry.add("spotter.google.api-root", GOOGLE::apiRoot);
        registry.add("spotter.google.oauth-base", GOOGLE::oauthBase);
    }

    @AfterAll
    static void stop() {
        GOOGLE.close();
    }

    @BeforeEach
    void trainer() {
        api = newTrainer();
        clientId = api.createClient("Naledi", "Dube", null);
    }

    /** Plays the trainer's browser: consent at the (fake) Google, then back to Spotter's callback. */
    String connectThroughOAuth() throws Exception {
        var started = api.post("/api/v1/calendar-sync/connections/google", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI consent = URI.create(started.json().get("authorization_url").stringValue());
        assertThat(consent.getQuery()).contains("code_challenge_method=S256", "access_type=offline", "state=",
                "calendar.events");
        HttpResponse<String> result = FakeGoogle.consentAndReturn(consent, port);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        return result.body();
    }

    Optional<JsonObject> event(String bookingId) {
        return GOOGLE.event("primary", bookingId.replace("-", ""));
    }

    @Test
    void connectingGoogleThroughOAuthPutsBookingsInTheCalendar() throws Exception {
        assertThat(connectThroughOAuth()).contains("Google Calendar connected");
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "notes":"shoulder","color_hex":"#D50000"}""".formatted(clientId, ahead(-30, "09:00")));
        String id = r.json().get("id").stringValue();
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        JsonObject event = event(id).orElseThrow();
        assertThat(event.get("summary").getAsString()).isEqualTo("1:1 session · Naledi Dube");
        assertThat(event.getAsJsonObject("start").get("timeZone").getAsString()).isEqualTo("Africa/Johannesburg");
        assertThat(event.get("colorId").getAsString()).isEqualTo("11"); // Tomato, Google's #D50000
        assertThat(event.toString()).doesNotContain("shoulder", "attendees");
        Eventually.await(WAIT, "status ok", () -> api.get("/api/v1/calendar-sync/status").json().get(0)
                .get("events_synced").intValue() == 1);
    }

    @Test
    void aSeriesIsOneRecurringEventWithItsCancelledSessionExcludedAndItsMovedSessionAnInstanceOverride()
            throws Exception {
        connectThroughOAuth();
        java.time.ZoneId zone = java.time.ZoneId.of("Africa/Johannesburg");
        java.time.ZonedDateTime monday = java.time.LocalDate.now(zone).plusWeeks(3)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .atTime(9, 0).atZone(zone);
        var fmt = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["MO"],"count":4}}""".formatted(clientId,
                fmt.format(monday)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String anchor = created.json().get("id").stringValue();
        var sessions = api.get("/api/v1/series/" + created.json().get("series_id").stringValue()).json()
                .get("sessions");
        api.post("/api/v1/bookings/" + sessions.get(1).get("id").stringValue() + "/cancel", null);
        api.patch("/api/v1/bookings/" + sessions.get(2).get("id").stringValue(),
                "{\"starts_at\":\"" + fmt.format(monday.plusWeeks(2).withHour(11)) + "\"}");

        String masterId = anchor.replace("-", "");
        Eventually.await(WAIT, "the recurring event with one exclusion and one override", () -> {
            var instances = GOOGLE.instances("primary", masterId);
            return instances.size() == 3 && instances.stream().anyMatch(i -> i.has("originalStartTime")
                    && i.getAsJsonObject("start").get("dateTime").getAsString().contains("T11:00"));
        });
        JsonObject master = event(anchor).orElseThrow();
        assertThat(master.getAsJsonArray("recurrence").toString()).contains("RRULE:FREQ=WEEKLY", "COUNT=4",
                "BYDAY=MO", "EXDATE;TZID=Africa/Johannesburg:");
        // one Google event for the series: none of the other sessions has an event of its own
        for (int i = 1; i < 4; i++) {
            assertThat(event(sessions.get(i).get("id").stringValue())).isEmpty();
        }
        var starts = GOOGLE.instances("primary", masterId).stream()
                .map(i -> java.time.OffsetDateTime.parse(i.getAsJsonObject("start").get("dateTime").getAsString())
                        .toInstant())
                .toList();
        assertThat(starts).containsExactly(monday.toInstant(), monday.plusWeeks(2).withHour(11).toInstant(),
                monday.plusWeeks(3).toInstant());
    }

    @Test
    void cancellingRemovesTheGoogleEvent() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(-29, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        api.post("/api/v1/bookings/" + id + "/cancel", null);
        Eventually.await(WAIT, "event cancelled in Google", () -> event(id)
                .map(e -> "cancelled".equals(e.get("status").getAsString())).orElse(true));
    }

    @Test
    void aRevokedGrantAsksTheTrainerToReconnectAndAReconnectDeliversTheWaitingWork() throws Exception {
        connectThroughOAuth();
        GOOGLE.revokeAccess();
        GOOGLE.expireAccessTokens();
        String id = api.createBooking(clientId, ahead(-28, "09:00"), 60);
        Eventually.await(WAIT, "needs_reconnect", () -> "needs_reconnect".equals(
                api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status").stringValue()));
        assertThat(api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").stringValue())
                .containsIgnoringCase("reconnect");
        assertThat(event(id)).isEmpty();
        connectThroughOAuth();
        Eventually.await(WAIT, "event after reconnect", () -> event(id).isPresent());
    }

    @Test
    void aCallbackWithAnUnknownStateConnectsNothing() throws Exception {
        HttpResponse<String> result = browser.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/oauth/google/callback?state=forged&code=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/calendar-sync/status").json()).isEmpty();
    }

    // ---- changes made in Google Calendar (issue 15), sent to the fake over HTTP as the trainer's phone would ----

    /** Local time {@code hourMinute} on a day 40-45 days ahead in Johannesburg (UTC+2 all year). */
    static String ahead(int day, String hourMinute) {
        return java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusDays(40 + day) + "T"
                + hourMinute + ":00+02:00";
    }

    static String timeBody(String start, String end) {
        return """
                {"start":{"dateTime":"%s","timeZone":"Africa/Johannesburg"},
                 "end":{"dateTime":"%s","timeZone":"Africa/Johannesburg"}}""".formatted(start, end);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    void syncNow() {
        assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
    }

    /** No due push and no round queued for this trainer: a change made in Google after this meets a new round. */
    void awaitDueWorkDone() {
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        Eventually.await(WAIT, "due sync work of the trainer done", () -> jdbc.sql("""
                SELECT (SELECT count(*) FROM sync_pending WHERE trainer_id = CAST(? AS uuid)
                          AND due_at IS NOT NULL AND due_at <= now())
                     + (SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sync-round'
                          AND task_instance LIKE ? AND execution_time <= now())""")
                .params(trainerId, trainerId + ":%").query(Integer.class).single() == 0);
    }

    @Test
    void anEventMovedInGoogleReschedulesTheBooking() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(1, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow(); // a first round takes the sync token, so the move below is an incremental change
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", id.replace("-", ""),
                timeBody(ahead(1, "14:00"), ahead(1, "15:00")))).isEqualTo(200);
        syncNow();

        Eventually.await(WAIT, "the booking follows the move", () -> ahead(1, "14:00").equals(
                api.get("/api/v1/bookings/" + id).json().get("starts_at").stringValue()));
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("moved_in_calendar");
        assertThat(activity.get(0).get("provider").stringValue()).isEqualTo("google");
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Google Calendar", "14:00-15:00");
        Eventually.await(WAIT, "Spotter's write of the new time (a raised sequence)", () -> event(id)
                .map(e -> e.getAsJsonObject("start").get("dateTime").getAsString().contains("T14:00")
                        && e.get("summary").getAsString().equals("1:1 session · Naledi Dube")).orElse(false));
    }

    @Test
    void anEventDeletedInGoogleStaysOutUntilTheTrainerPutsItBack() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(2, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow();
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("DELETE", "primary", id.replace("-", ""), null)).isEqualTo(204);
        syncNow();

        Eventually.await(WAIT, "flagged as removed from Google", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(id));
        syncNow();
        Eventually.await(WAIT, "the round done", () -> api.get("/api/v1/notices").body().contains(
                "Deleted in Google Calendar"));
        assertThat(event(id).orElseThrow().get("status").getAsString()).as("not recreated unasked")
                .isEqualTo("cancelled");
        assertThat(api.get("/api/v1/bookings/" + id).json().get("status").stringValue()).isEqualTo("scheduled");

        var back = api.post("/api/v1/bookings/" + id + "/put-back", "{\"provider\":\"google\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Eventually.await(WAIT, "back in Google", () -> event(id)
                .map(e -> "confirmed".equals(e.get("status").getAsString())).orElse(false));
    }

    @Test
    void anEventDeletedInGoogleWhileAChangeInSpotterIsOnItsWayStaysOutAndIsFlagged() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(4, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow();
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("DELETE", "primary", id.replace("-", ""), null)).isEqualTo(204);
        // pushed at once (realtime), before any round has seen the deletion
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"location\":\"Park\"}").status()).isEqualTo(200);

        Eventually.await(WAIT, "flagged as removed from Google", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(id));
        awaitDueWorkDone();
        assertThat(event(id).orElseThrow().get("status").getAsString()).as("not recreated unasked")
                .isEqualTo("cancelled");
        assertThat(api.get("/api/v1/bookings/" + id).json().get("status").stringValue()).isEqualTo("scheduled");
        syncNow();
        awaitDueWorkDone();
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().findValuesAsString("kind"))
                .as("one notice, whichever of push and round met the deletion").containsExactly("removed_in_calendar");
    }

    @Test
    void aTitlePatchedInGoogleIsPutBackWithANotice() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(3, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow();
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", id.replace("-", ""), "{\"summary\":\"Dentist\"}"))
                .isEqualTo(200);
        syncNow();

        Eventually.await(WAIT, "Spotter's title back", () -> event(id)
                .map(e -> e.get("summary").getAsString().equals("1:1 session · Naledi Dube")).orElse(false));
        Eventually.await(WAIT, "one notice", () -> api.get("/api/v1/notices").body().contains("Title, description"));
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().findValuesAsString("kind"))
                .containsExactly("put_back");
        assertThat(api.get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(ahead(3, "09:00"));
    }

    @Test
    void aMoveInGoogleRacingAnUnsentMoveInSpotterLeavesSpottersTimeWithOneNotice() throws Exception {
        connectThroughOAuth();
        String id = api.createBooking(clientId, ahead(4, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow();
        awaitDueWorkDone();

        // moved on the trainer's phone; before any round sees it, Spotter pushes its own move (If-Match: 412)
        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", id.replace("-", ""),
                timeBody(ahead(4, "14:00"), ahead(4, "15:00")))).isEqualTo(200);
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"starts_at\":\"" + ahead(4, "11:00") + "\"}").status())
                .isEqualTo(200);

        Eventually.await(WAIT, "Spotter's time in Google", () -> event(id)
                .map(e -> e.getAsJsonObject("start").get("dateTime").getAsString().contains("T11:00")).orElse(false));
        Eventually.await(WAIT, "the trainer is told", () -> api.get("/api/v1/notices").body().contains(id));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(api.get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(ahead(4, "11:00"));
        assertThat(event(id).orElseThrow().getAsJsonObject("start").get("dateTime").getAsString()).contains("T11:00");
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).as("one notice, once").containsExactly("put_back");
        assertThat(activity.get(0).get("notice").booleanValue()).isTrue();
        assertThat(activity.get(0).get("provider").stringValue()).isEqualTo("google");
        assertThat(activity.get(0).get("message").stringValue()).contains("Google Calendar", "put back");
    }

    // ---- one instance of a series changed in Google: an exception with its own id (<master>_<original start>) ----

    /** A weekly series of four Monday 09:00 sessions, 3 to 4 weeks ahead, in Google and past a first round. */
    record Series(String anchor, String masterId, java.time.ZonedDateTime monday, List<String> sessions) {
        String instanceId(int week) {
            return masterId + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(monday.plusWeeks(week));
        }

        String at(int week, int hour) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    monday.plusWeeks(week).withHour(hour));
        }
    }

    Series seriesInGoogle() throws Exception {
        connectThroughOAuth();
        java.time.ZoneId zone = java.time.ZoneId.of("Africa/Johannesburg");
        java.time.ZonedDateTime monday = java.time.LocalDate.now(zone).plusWeeks(3)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .atTime(9, 0).atZone(zone);
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["MO"],"count":4}}""".formatted(clientId,
                java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(monday)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String anchor = created.json().get("id").stringValue();
        List<String> sessions = new java.util.ArrayList<>();
        api.get("/api/v1/series/" + created.json().get("series_id").stringValue()).json().get("sessions")
                .forEach(n -> sessions.add(n.get("id").stringValue()));
        Series series = new Series(anchor, anchor.replace("-", ""), monday, List.copyOf(sessions));
        Eventually.await(WAIT, "the series in Google", () -> GOOGLE.instances("primary", series.masterId())
                .size() == 4);
        syncNow(); // a first round takes the sync token, so the change below is an incremental one
        awaitDueWorkDone();
        return series;
    }

    String startOf(String bookingId) {
        return api.get("/api/v1/bookings/" + bookingId).json().get("starts_at").stringValue();
    }

    /** The instance's start as Google shows it, or "cancelled". */
    String instanceInGoogle(Series series, int week) {
        return GOOGLE.instances("primary", series.masterId()).stream()
                .filter(i -> i.get("id").getAsString().equals(series.instanceId(week))).findFirst()
                .map(i -> "cancelled".equals(i.get("status").getAsString()) ? "cancelled"
                        : i.getAsJsonObject("start").get("dateTime").getAsString())
                .orElse("not listed");
    }

    /** Waits until that week's instance is back at Spotter's time with a notice; the session's activity. */
    tools.jackson.databind.JsonNode awaitInstancePutBack(Series series, int week) {
        Eventually.await(WAIT, "the instance back at Spotter's time", () -> instanceInGoogle(series, week)
                .contains("T09:00"));
        Eventually.await(WAIT, "a notice on that session", () -> kinds(series.sessions().get(week))
                .contains("put_back"));
        return api.get("/api/v1/bookings/" + series.sessions().get(week) + "/activity").json();
    }

    List<String> kinds(String bookingId) {
        return api.get("/api/v1/bookings/" + bookingId + "/activity").json().findValuesAsString("kind");
    }

    @Test
    void anInstanceOfASeriesMovedInGoogleBecomesAnExceptionOfThatSessionAlone() throws Exception {
        Series series = seriesInGoogle();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", series.instanceId(1),
                timeBody(series.at(1, 14), series.at(1, 15)))).isEqualTo(200);
        syncNow();

        Eventually.await(WAIT, "that session follows the move", () -> series.at(1, 14)
                .equals(startOf(series.sessions().get(1))));
        // the move and its activity entry are committed one after the other: wait for the entry too
        Eventually.await(WAIT, "the move in the session's activity",
                () -> !kinds(series.sessions().get(1)).isEmpty());
        var activity = api.get("/api/v1/bookings/" + series.sessions().get(1) + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("moved_in_calendar");
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Google Calendar",
                "session of a repeating series", "14:00-15:00");
        awaitDueWorkDone();
        syncNow(); // Spotter's own write of the series comes back in this round: an echo, not a change
        awaitDueWorkDone();
        for (int week : new int[] {0, 2, 3}) {
            assertThat(startOf(series.sessions().get(week))).as("week " + week).isEqualTo(series.at(week, 9));
            assertThat(kinds(series.sessions().get(week))).as("week " + week).isEmpty();
        }
        assertThat(kinds(series.sessions().get(1))).containsExactly("moved_in_calendar");
        assertThat(instanceInGoogle(series, 1)).contains("T14:00");
        assertThat(instanceInGoogle(series, 2)).contains("T09:00");
        assertThat(api.get("/api/v1/notices").body()).doesNotContain("put back", "Put back");
    }

    @Test
    void anInstanceOfASeriesDeletedInGoogleStaysBookedAndOutUntilTheTrainerChooses() throws Exception {
        Series series = seriesInGoogle();
        String deleted = series.sessions().get(2);

        assertThat(GOOGLE.asAnotherClient("DELETE", "primary", series.instanceId(2), null)).isEqualTo(204);
        syncNow();

        Eventually.await(WAIT, "flagged as removed from Google", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(deleted));
        assertThat(api.get("/api/v1/bookings/" + deleted).json().get("status").stringValue()).isEqualTo("scheduled");
        assertThat(kinds(deleted)).containsExactly("removed_in_calendar");
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(instanceInGoogle(series, 2)).as("not put back unasked").isIn("cancelled", "not listed");
        assertThat(kinds(deleted)).as("one notice").containsExactly("removed_in_calendar");
        assertThat(instanceInGoogle(series, 3)).contains("T09:00");

        var back = api.post("/api/v1/bookings/" + deleted + "/put-back", "{\"provider\":\"google\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Eventually.await(WAIT, "back in Google", () -> instanceInGoogle(series, 2).contains("T09:00"));
        assertThat(api.get("/api/v1/calendar-sync/removed").json().findValuesAsString("booking_id"))
                .doesNotContain(deleted);
    }

    @Test
    void aWholeSeriesDeletedInGoogleStaysBookedAndOutUntilTheTrainerPutsItBack() throws Exception {
        Series series = seriesInGoogle();

        assertThat(GOOGLE.asAnotherClient("DELETE", "primary", series.masterId(), null)).isEqualTo(204);
        syncNow();

        Eventually.await(WAIT, "flagged as removed from Google", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(series.anchor()));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(event(series.anchor()).orElseThrow().get("status").getAsString()).as("not recreated unasked")
                .isEqualTo("cancelled");
        for (String session : series.sessions()) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("scheduled");
        }
        var removed = api.get("/api/v1/calendar-sync/removed").json();
        assertThat(removed).as("the series once, by its first session").hasSize(1);
        assertThat(removed.get(0).get("whole_series").booleanValue()).isTrue();
        assertThat(kinds(series.anchor())).as("one notice").containsExactly("removed_in_calendar");
        assertThat(api.get("/api/v1/notices").body()).contains("Deleted in Google Calendar", "whole repeating series");

        var back = api.post("/api/v1/bookings/" + series.sessions().get(3) + "/put-back", "{\"provider\":\"google\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Eventually.await(WAIT, "the series back in Google", () -> event(series.anchor())
                .map(e -> "confirmed".equals(e.get("status").getAsString())).orElse(false));
        for (int week = 0; week < 4; week++) {
            int w = week;
            Eventually.await(WAIT, "week " + w + " back in Google",
                    () -> instanceInGoogle(series, w).contains("T09:00"));
        }
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
        assertThat(kinds(series.anchor())).containsExactly("removed_in_calendar", "restored_in_calendar");
    }

    @Test
    void cancellingAWholeSeriesDeletedInGoogleCancelsEverySessionAndLetsItGo() throws Exception {
        Series series = seriesInGoogle();
        assertThat(GOOGLE.asAnotherClient("DELETE", "primary", series.masterId(), null)).isEqualTo(204);
        syncNow();
        Eventually.await(WAIT, "flagged as removed from Google", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(series.anchor()));
        String seriesId = api.get("/api/v1/bookings/" + series.anchor()).json().get("series_id").stringValue();

        var cancelled = api.post("/api/v1/series/" + seriesId + "/cancel", "{\"scope\":\"all\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        Eventually.await(WAIT, "no longer waiting for a choice",
                () -> api.get("/api/v1/calendar-sync/removed").json().isEmpty());
        for (String session : series.sessions()) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("cancelled");
        }
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(event(series.anchor()).orElseThrow().get("status").getAsString()).as("not written there again")
                .isEqualTo("cancelled");
    }

    @Test
    void anInstanceOfASeriesMovedInGoogleOntoAnotherBookingIsPutBackWithANoticeOnThatSession() throws Exception {
        Series series = seriesInGoogle();
        api.createBooking(clientId, series.at(1, 14), 60);
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", series.instanceId(1),
                timeBody(series.at(1, 14), series.at(1, 15)))).isEqualTo(200);
        syncNow();

        var activity = awaitInstancePutBack(series, 1);
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Google Calendar", "refused");
        assertThat(startOf(series.sessions().get(1))).isEqualTo(series.at(1, 9));
    }

    @Test
    void anInstanceOfASeriesMovedInGoogleOntoTheTrainersTimeOffIsPutBackAndTheTrainerIsToldWhy() throws Exception {
        Series series = seriesInGoogle();
        var off = api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Physio"}""".formatted(series.at(1, 13), series.at(1, 17)));
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", series.instanceId(1),
                timeBody(series.at(1, 14), series.at(1, 15)))).isEqualTo(200);
        syncNow();

        var activity = awaitInstancePutBack(series, 1);
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Google Calendar",
                "14:00-15:00", "refused", "time off", "Physio");
        assertThat(activity.get(0).get("notice").booleanValue()).isTrue();
        assertThat(startOf(series.sessions().get(1))).isEqualTo(series.at(1, 9));
    }

    @Test
    void anEventMovedInGoogleOntoABusyTimeOfAnotherGoogleCalendarIsPutBackAndTheTrainerIsToldWhy()
            throws Exception {
        String work = "c_work_" + java.util.UUID.randomUUID().toString().substring(0, 8)
                + "@group.calendar.google.com";
        GOOGLE.addCalendar(work, "Gym floor", false);
        GOOGLE.seed(work, "floor" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8),
                JsonParser.parseString("""
                        {"summary":"Private title","status":"confirmed","start":{"dateTime":"%s"},
                         "end":{"dateTime":"%s"}}""".formatted(ahead(6, "14:00"), ahead(6, "15:30")))
                        .getAsJsonObject());
        connectThroughOAuth();
        String calendar = StreamSupport.stream(api.get("/api/v1/calendar-sync/calendars").json().spliterator(),
                        false).filter(c -> c.get("name").stringValue().equals("Gym floor")).findFirst().orElseThrow()
                .get("id").stringValue();
        var marked = api.patch("/api/v1/calendar-sync/calendars/" + calendar, "{\"busy\":true}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        String id = api.createBooking(clientId, ahead(6, "09:00"), 60);
        Eventually.await(WAIT, "event in Google", () -> event(id).isPresent());
        syncNow();
        awaitDueWorkDone();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", id.replace("-", ""),
                timeBody(ahead(6, "14:00"), ahead(6, "15:00")))).isEqualTo(200);
        syncNow();

        Eventually.await(WAIT, "a notice on the session", () -> kinds(id).contains("put_back"));
        Eventually.await(WAIT, "the event back at Spotter's time", () -> event(id)
                .map(e -> e.getAsJsonObject("start").get("dateTime").getAsString().contains("T09:00")).orElse(false));
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Google Calendar",
                "14:00-15:00", "refused", "Gym floor").doesNotContain("Private title");
        assertThat(startOf(id)).isEqualTo(ahead(6, "09:00"));
    }

    @Test
    void aTitleEditedOnOneInstanceOfASeriesInGoogleIsPutBackWithOneNotice() throws Exception {
        Series series = seriesInGoogle();

        assertThat(GOOGLE.asAnotherClient("PATCH", "primary", series.instanceId(1), "{\"summary\":\"Dentist\"}"))
                .isEqualTo(200);
        syncNow();

        Eventually.await(WAIT, "Spotter's title back on that instance", () -> GOOGLE.instances("primary",
                series.masterId()).stream().filter(i -> i.get("id").getAsString().equals(series.instanceId(1)))
                .anyMatch(i -> i.get("summary").getAsString().equals("1:1 session · Naledi Dube")));
        Eventually.await(WAIT, "a notice", () -> api.get("/api/v1/notices").body().contains("Title, description"));
        awaitDueWorkDone();
        syncNow(); // Spotter's put-back comes back in this round: an echo
        awaitDueWorkDone();
        assertThat(kinds(series.anchor())).as("one notice, once").containsExactly("put_back");
        for (int week = 0; week < 4; week++) {
            assertThat(startOf(series.sessions().get(week))).isEqualTo(series.at(week, 9));
        }
    }
}

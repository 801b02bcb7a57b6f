package app.spotter.availability;

import static app.spotter.support.BusyTimesApi.busy;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.FormBrowser;
import app.spotter.support.SpotterIT;
import app.spotter.sync.google.fake.FakeGoogle;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Busy times from Google end to end through Spotter's API: a trainer connected through OAuth (the fake Google
 * behind the official client), their calendarList, a calendar marked busy, freebusy blocking a booking, a calendar
 * Google cannot read, and the periodic refresh.
 */
class GoogleBusyTimesIT extends SpotterIT {

    private static final FakeGoogle GOOGLE = start();
    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final DateTimeFormatter BASIC_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusyRefreshSchedule schedule;

    private static FakeGoogle start() {
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

    @Test
    void aGoogleCalendarMarkedBusyBlocksBookingsNamingItWithRecurringEventsExpandedUntilTheTrainerBooksAnyway()
            throws Exception {
        String work = "c_work_" + UUID.randomUUID().toString().substring(0, 8) + "@group.calendar.google.com";
        GOOGLE.addCalendar(FakeGoogle.PRIMARY_ID, "Thandi Nkosi", true);
        GOOGLE.addCalendar(work, "Work", false);
        LocalDate day = LocalDate.now(JOBURG).plusDays(7);
        seed(work, "dentist01", at(day, "10:00"), at(day, "11:00"), "");
        seed(work, "reminder01", at(day.plusDays(2), "12:00"), at(day.plusDays(2), "13:00"),
                ",\"transparency\":\"transparent\"");
        // weekly spin class, 4 times: the second left out (EXDATE), the third moved from 07:00 to 08:30
        ZonedDateTime spin = at(day.plusDays(1), "07:00");
        JsonObject master = event(spin, spin.plusHours(1), """
                ,"recurrence":["RRULE:FREQ=WEEKLY;COUNT=4","EXDATE;TZID=Africa/Johannesburg:%s"]"""
                .formatted(spin.plusWeeks(1).toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))));
        GOOGLE.seed(work, "spin01", master);
        ZonedDateTime moved = spin.plusWeeks(2);
        String overrideId = "spin01_" + BASIC_UTC.format(moved.toInstant());
        GOOGLE.seed(work, overrideId, event(moved.withHour(8).withMinute(30), moved.withHour(9).withMinute(30), """
                ,"recurringEventId":"spin01","originalStartTime":{"dateTime":"%s","timeZone":"Africa/Johannesburg"}"""
                .formatted(moved.toOffsetDateTime())));

        ApiClient api = newTrainer();
        connectThroughOAuth(api);

        JsonNode calendars = api.get("/api/v1/calendar-sync/calendars").json();
        JsonNode primary = find(calendars, "Thandi Nkosi");
        JsonNode workCalendar = find(calendars, "Work");
        assertThat(primary.get("provider").stringValue()).isEqualTo("google");
        assertThat(primary.get("is_spotter_calendar").booleanValue()).as("Spotter writes to primary").isTrue();
        assertThat(workCalendar.get("busy").booleanValue()).isFalse();

        var marked = api.patch("/api/v1/calendar-sync/calendars/" + workCalendar.get("id").stringValue(),
                "{\"busy\":true}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("busy").booleanValue()).isTrue();
        assertThat(marked.json().get("read_status").stringValue()).isEqualTo("ok");

        Instant from = Instant.now();
        Instant to = from.plus(Duration.ofDays(40));
        assertThat(busy(api, from, to)).containsExactly(
                span(at(day, "10:00"), at(day, "11:00")),
                span(spin, spin.plusHours(1)),
                span(moved.withHour(8).withMinute(30), moved.withHour(9).withMinute(30)),
                span(spin.plusWeeks(3), spin.plusWeeks(3).plusHours(1)));

        // the calendar's grey block: "Busy", and "Busy (Google)" once the trainer consents; never the title
        String email = api.get("/api/v1/me").json().get("email").stringValue();
        FormBrowser web = new FormBrowser(port);
        String session = web.logIn(email, "correct horse battery");
        String blocks = "/app/calendar/busy?start=" + day + "T00:00:00&end=" + day.plusDays(1) + "T00:00:00";
        assertThat(web.get(blocks, session).body()).contains("\"title\":\"Busy\"").doesNotContain("Private title");
        assertThat(api.put("/api/v1/availability/hours", "{\"busy_shows_provider\":\"yes\"}").status())
                .as("a boolean or nothing").isEqualTo(400);
        assertThat(api.get("/api/v1/availability/hours").json().get("busy_shows_provider").booleanValue()).isFalse();
        assertThat(api.put("/api/v1/availability/hours", "{\"busy_shows_provider\":true}").status()).isEqualTo(200);
        assertThat(web.get(blocks, session).body()).contains("\"title\":\"Busy (Google)\"")
                .doesNotContain("Private title", "Work");

        String client = api.createClient("Naledi", "Dube", null);
        var refused = book(api, client, at(day, "10:30"), false);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").stringValue()).contains("busy in Google · Work");
        var anyway = book(api, client, at(day, "10:30"), true);
        assertThat(anyway.status()).as(anyway.body()).isEqualTo(201);
        assertThat(anyway.json().get("warnings").get(0).get("code").stringValue()).isEqualTo("busy");

        // the excluded week and the moved instance's old time are free; its new time is not
        assertThat(book(api, client, spin.plusWeeks(1), false).status()).isEqualTo(201);
        assertThat(book(api, client, moved, false).status()).isEqualTo(201);
        assertThat(book(api, client, moved.withHour(9), false).status()).isEqualTo(409);
    }

    @Test
    void aGoogleCalendarThatCannotBeReadSaysSoInTheSyncStatusAndOnTheSyncPageAndBookingsWarnOfStaleBusyTimes()
            throws Exception {
        String gym = "c_gym_" + UUID.randomUUID().toString().substring(0, 8) + "@group.calendar.google.com";
        GOOGLE.addCalendar(gym, "Gym roster", false);
        LocalDate day = LocalDate.now(JOBURG).plusDays(5);
        seed(gym, "shift01", at(day, "06:00"), at(day, "09:00"), "");
        ApiClient api = newTrainer();
        connectThroughOAuth(api);
        String id = find(api.get("/api/v1/calendar-sync/calendars").json(), "Gym roster").get("id").stringValue();
        api.patch("/api/v1/calendar-sync/calendars/" + id, "{\"busy\":true}");
        assertThat(message(api)).as("in step before the failure").doesNotContain("Busy times");

        GOOGLE.freeBusyFails(gym, true);
        try {
            JsonNode failing = find(api.get("/api/v1/calendar-sync/calendars").json(), "Gym roster");
            assertThat(failing.get("read_status").stringValue()).isEqualTo("error");
            assertThat(failing.get("error_message").stringValue()).contains("internalError");

            assertThat(message(api)).contains("Busy times from Gym roster could not be read", "may be out of date");

            String email = api.get("/api/v1/me").json().get("email").stringValue();
            FormBrowser web = new FormBrowser(port);
            HttpResponse<String> page = web.get("/app/sync", web.logIn(email, "correct horse battery"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Busy times from Gym roster could not be read");

            String client = api.createClient("Sipho", "Mokoena", null);
            var warned = book(api, client, at(day.plusDays(1), "10:00"), false);
            assertThat(warned.status()).as(warned.body()).isEqualTo(201);
            assertThat(warned.json().get("warnings").toString()).contains("busy_times_stale", "Gym roster",
                    "may be out of date");
            // the times read before still block
            assertThat(book(api, client, at(day, "07:00"), false).status()).isEqualTo(409);
        } finally {
            GOOGLE.freeBusyFails(gym, false);
        }

        assertThat(find(api.get("/api/v1/calendar-sync/calendars").json(), "Gym roster").get("read_status")
                .stringValue()).isEqualTo("ok");
        assertThat(message(api)).doesNotContain("Busy times");
    }

    @Test
    void thePeriodicRefreshPicksUpANewGoogleEventWithoutABookingAndAnUnchangedCalendarCostsOneRequestEach()
            throws Exception {
        String one = "c_one_" + UUID.randomUUID().toString().substring(0, 8) + "@group.calendar.google.com";
        String two = "c_two_" + UUID.randomUUID().toString().substring(0, 8) + "@group.calendar.google.com";
        GOOGLE.addCalendar(one, "Club", false);
        GOOGLE.addCalendar(two, "Family", false);
        LocalDate day = LocalDate.now(JOBURG).plusDays(4);
        seed(one, "meeting01", at(day, "09:00"), at(day, "10:00"), "");
        ApiClient api = newTrainer();
        UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        connectThroughOAuth(api);
        JsonNode calendars = api.get("/api/v1/calendar-sync/calendars").json();
        api.patch("/api/v1/calendar-sync/calendars/" + find(calendars, "Club").get("id").stringValue(),
                "{\"busy\":true}");
        api.patch("/api/v1/calendar-sync/calendars/" + find(calendars, "Family").get("id").stringValue(),
                "{\"busy\":true}");
        Instant from = Instant.now();
        Instant to = from.plus(Duration.ofDays(30));
        assertThat(busy(api, from, to)).containsExactly(span(at(day, "09:00"), at(day, "10:00")));

        // an event added in Google; the reads are a round old, as if the refresh interval had passed
        seed(two, "birthday01", at(day, "18:00"), at(day, "20:00"), "");
        makeDue(trainerId);
        schedule.refreshDue();
        assertThat(busy(api, from, to)).containsExactly(span(at(day, "09:00"), at(day, "10:00")),
                span(at(day, "18:00"), at(day, "20:00")));

        // nothing changed: the account's calendarList, then one freebusy.query per busy calendar
        makeDue(trainerId);
        int before = GOOGLE.busyRequests();
        schedule.refreshDue();
        assertThat(GOOGLE.busyRequests() - before).isEqualTo(1 + 2);
        assertThat(busy(api, from, to)).hasSize(2);
        // a trainer read within the interval is not asked again
        before = GOOGLE.busyRequests();
        schedule.refreshDue();
        assertThat(GOOGLE.busyRequests() - before).isZero();
    }

    private void makeDue(UUID trainerId) {
        jdbc.sql("UPDATE busy_calendars SET last_read = NOW() - INTERVAL '10 minutes' WHERE trainer_id = ? "
                + "AND last_read IS NOT NULL").param(trainerId).update();
    }

    private void connectThroughOAuth(ApiClient api) throws Exception {
        var started = api.post("/api/v1/calendar-sync/connections/google", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        HttpResponse<String> result = FakeGoogle.consentAndReturn(
                URI.create(started.json().get("authorization_url").stringValue()), port);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        Eventually.await(Duration.ofSeconds(20), "google connected",
                () -> api.get("/api/v1/calendar-sync/status").json().size() == 1);
    }

    private static JsonNode status(ApiClient api) {
        JsonNode all = api.get("/api/v1/calendar-sync/status").json();
        for (JsonNode s : all) {
            if (s.get("provider").stringValue().equals("google")) {
                return s;
            }
        }
        throw new AssertionError("no google status in " + all);
    }

    /** The Google status's error_message, "" when there is none. */
    private static String message(ApiClient api) {
        JsonNode message = status(api).get("error_message");
        return message == null || message.isNull() ? "" : message.stringValue();
    }

    private static ApiClient.Response book(ApiClient api, String client, ZonedDateTime start, boolean anyway) {
        return api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":30%s}"""
                .formatted(client, start.toOffsetDateTime(), anyway ? ",\"allow_conflict\":true" : ""));
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(JOBURG);
    }

    private static String span(ZonedDateTime start, ZonedDateTime end) {
        return start.toInstant() + "/" + end.toInstant();
    }

    private static void seed(String calendar, String id, ZonedDateTime start, ZonedDateTime end, String extra) {
        GOOGLE.seed(calendar, id, event(start, end, extra));
    }

    private static JsonObject event(ZonedDateTime start, ZonedDateTime end, String extra) {
        return JsonParser.parseString("""
                {"summary":"Private title","status":"confirmed",
                 "start":{"dateTime":"%s","timeZone":"Africa/Johannesburg"},
                 "end":{"dateTime":"%s","timeZone":"Africa/Johannesburg"}%s}"""
                .formatted(start.toOffsetDateTime(), end.toOffsetDateTime(), extra)).getAsJsonObject();
    }

    private static JsonNode find(JsonNode calendars, String name) {
        for (JsonNode c : calendars) {
            if (c.get("name").stringValue().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no calendar named " + name + " in " + calendars);
    }

}

package app.spotter.sync.caldav;

import static app.spotter.support.BusyTimesApi.busy;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.FaultyProxy;
import app.spotter.support.SpotterIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.UUID;

/**
 * Busy times read from the trainer's own calendars on real servers: a second, personal calendar on Radicale (and
 * on Xandikos) holding a one-off event, a weekly event with one moved and one cancelled instance, an all-day
 * event and events that do not make anyone busy. Spotter's intervals are checked against python's
 * recurring-ical-events expanding the same objects. One server of each kind for the class; Radicale is reached
 * through a proxy that counts requests and can fail them.
 */
class BusyCalendarsIT extends SpotterIT {

    private static CalDavServerProcess radicale;
    private static CalDavServerProcess xandikos;
    private static FaultyProxy proxy;
    private static final RawDav RAW = new RawDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);

    @BeforeAll
    static void startServers() throws IOException {
        radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
        xandikos = CalDavServerProcess.start(CalDavServerProcess.Kind.XANDIKOS);
        proxy = new FaultyProxy(radicale.baseUrl());
    }

    @AfterAll
    static void stopServers() {
        if (proxy != null) {
            proxy.close();
        }
        if (radicale != null) {
            radicale.close();
        }
        if (xandikos != null) {
            xandikos.close();
        }
    }

    @Test
    void aPersonalRadicaleCalendarBlocksBookingsWithTheSameIntervalsAsAnIndependentExpansion() throws Exception {
        PersonalCalendar data = new PersonalCalendar(LocalDate.now(PersonalCalendar.ZONE).plusDays(7),
                CalDavServerProcess.USER);
        URI personal = personalCalendar(radicale.baseUrl(), data);
        ApiClient api = newTrainer();
        connect(api, proxy.uri());

        JsonNode calendars = api.get("/api/v1/calendar-sync/calendars").json();
        assertThat(calendars).hasSize(2);
        JsonNode mine = find(calendars, "Personal");
        JsonNode spotters = find(calendars, "Spotter");
        assertThat(mine.get("busy").booleanValue()).as("the default calendar is busy").isTrue();
        assertThat(mine.get("provider").stringValue()).isEqualTo("apple");
        assertThat(mine.get("read_status").stringValue()).isEqualTo("ok");
        assertThat(spotters.get("is_spotter_calendar").booleanValue()).isTrue();
        assertThat(spotters.get("busy").booleanValue()).isFalse();
        assertThat(api.patch("/api/v1/calendar-sync/calendars/" + spotters.get("id").stringValue(),
                "{\"busy\":true}").status()).as("Spotter's own calendar is never busy").isEqualTo(400);

        Instant from = Instant.now();
        Instant to = from.plus(java.time.Duration.ofDays(60));
        List<String> spotter = busy(api, from, to);
        assertThat(spotter).containsExactlyElementsOf(
                data.expected(false).stream().map(p -> p[0] + "/" + p[1]).toList());
        assertThat(spotter).containsExactlyElementsOf(independentExpansion(data, from, to, false));
        assertThat(api.get("/api/v1/busy?from=" + enc(from) + "&to=" + enc(to)).body())
                .doesNotContain("Dentist", "Spin", "birthday");

        // over the dentist: 409 naming the calendar, unless the trainer books anyway
        String client = api.createClient("Naledi", "Dube", null);
        String dentist = OffsetDateTime.ofInstant(data.instant(1, "10:30"), PersonalCalendar.ZONE).toString();
        var refused = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(client, dentist));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").stringValue()).contains("busy in iCloud · Personal");
        var anyway = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"allow_conflict":true}"""
                .formatted(client, dentist));
        assertThat(anyway.status()).isEqualTo(201);
        assertThat(anyway.json().get("warnings").get(0).get("code").stringValue()).isEqualTo("busy");

        // the moved instance blocks at its new time, its old time is free; transparent and declined block nothing
        assertThat(bookable(api, client, data.instant(7, "15:30"))).isFalse();
        assertThat(bookable(api, client, data.instant(7, "07:00"))).isTrue();
        assertThat(bookable(api, client, data.instant(3, "12:00"))).isTrue();
        assertThat(bookable(api, client, data.instant(4, "13:00"))).isTrue();
        assertThat(bookable(api, client, data.instant(2, "09:00"))).as("all-day does not block by default").isTrue();

        // all-day events count once the trainer says so
        api.put("/api/v1/availability/hours", "{\"all_day_events_busy\":true}");
        assertThat(busy(api, from, to)).containsExactlyElementsOf(independentExpansion(data, from, to, true));
        assertThat(bookable(api, client, data.instant(2, "11:00"))).isFalse();

        // nothing changed there: a refresh is the one listing request of the account, no read of the calendar
        proxy.record();
        int before = proxy.exchanges().size();
        api.get("/api/v1/calendar-sync/calendars");
        List<FaultyProxy.Exchange> refresh = proxy.exchanges().subList(before, proxy.exchanges().size());
        assertThat(refresh).hasSize(1);
        assertThat(refresh.getFirst().method()).isEqualTo("PROPFIND");

        // a new event there is read on the next refresh
        RAW.put(Hrefs.member(personal, "new.ics"), data.objects().get("dentist.ics")
                .replace("UID:dentist", "UID:new-one").replace("T10", "T16").replace("T11", "T17"));
        api.get("/api/v1/calendar-sync/calendars");
        assertThat(busy(api, from, to)).contains(data.instant(1, "16:00") + "/" + data.instant(1, "17:00"));

        // the calendar cannot be read: the status says so, bookings go through with a warning, old times stay
        proxy.failNext(3, 503);
        JsonNode failing = find(api.get("/api/v1/calendar-sync/calendars").json(), "Personal");
        assertThat(failing.get("read_status").stringValue()).isEqualTo("error");
        assertThat(failing.get("error_message").stringValue()).isNotBlank();
        assertThat(api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").stringValue())
                .contains("Busy times from Personal could not be read", "may be out of date");
        var warned = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}"""
                .formatted(client, OffsetDateTime.ofInstant(data.instant(5, "09:00"), PersonalCalendar.ZONE)));
        assertThat(warned.status()).isEqualTo(201);
        assertThat(warned.json().get("warnings").toString()).contains("busy_times_stale", "may be out of date");
        assertThat(busy(api, from, to)).contains(data.instant(1, "10:00") + "/" + data.instant(1, "11:00"));
    }

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aCalendarServerThatHangsHoldsABookingForSecondsNotForItsWholeDeadlineAndTheBookingSaysSo()
            throws Exception {
        // a Radicale of its own: the shared one's calendars depend on which test ran first
        CalDavServerProcess own = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
        try (FaultyProxy hanging = new FaultyProxy(own.baseUrl())) {
            PersonalCalendar data = new PersonalCalendar(LocalDate.now(PersonalCalendar.ZONE).plusDays(7),
                    CalDavServerProcess.USER);
            personalCalendar(own.baseUrl(), data);
            ApiClient api = newTrainer();
            connect(api, hanging.uri());
            assertThat(find(api.get("/api/v1/calendar-sync/calendars").json(), "Personal").get("read_status")
                    .stringValue()).isEqualTo("ok");
            String client = api.createClient("Naledi", "Dube", null);
            // the busy times were read long enough ago that a booking reads them again first
            jdbc.sql("UPDATE busy_calendars SET last_read = NOW() - INTERVAL '10 minutes' "
                    + "WHERE last_read IS NOT NULL AND trainer_id = (SELECT trainer_id FROM clients WHERE id = ?)")
                    .param(UUID.fromString(client)).update();

            hanging.down(503, java.time.Duration.ofSeconds(25)); // answers, but only after 25 s of the 30 s deadline
            long started = System.nanoTime();
            var booked = api.post("/api/v1/bookings", """
                    {"client_id":"%s","starts_at":"%s","duration_minutes":60}"""
                    .formatted(client, OffsetDateTime.ofInstant(data.instant(5, "09:00"), PersonalCalendar.ZONE)));
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);

            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            assertThat(booked.json().get("warnings").toString()).contains("busy_times_stale", "still being read");
            assertThat(took).as("the booking waited about 5 s for the read, not 25 s")
                    .isLessThan(java.time.Duration.ofSeconds(20));
            // the times read before still count while the read goes on: the dentist still blocks
            assertThat(bookable(api, client, data.instant(1, "10:00"))).isFalse();
            hanging.up();
        } finally {
            own.close();
        }
    }

    @Test
    void xandikosCalendarsGiveTheSameBusyTimes() throws Exception {
        PersonalCalendar data = new PersonalCalendar(LocalDate.now(PersonalCalendar.ZONE).plusDays(7),
                CalDavServerProcess.USER);
        personalCalendar(xandikos.baseUrl(), data);
        ApiClient api = newTrainer();
        connect(api, xandikos.baseUrl());
        JsonNode calendars = api.get("/api/v1/calendar-sync/calendars").json();
        assertThat(find(calendars, "Personal").get("busy").booleanValue()).isTrue();
        Instant from = Instant.now();
        Instant to = from.plus(java.time.Duration.ofDays(60));
        assertThat(busy(api, from, to)).containsExactlyElementsOf(independentExpansion(data, from, to, false));
    }

    private static URI personalCalendar(URI server, PersonalCalendar data) throws Exception {
        CalDavClient client = CalDavClient.connect(server, CalDavServerProcess.USER, CalDavServerProcess.PASSWORD,
                DavPolicy.allowingPrivateNetworks());
        URI calendar = client.createCalendar("Personal").href();
        for (Map.Entry<String, String> object : data.objects().entrySet()) {
            RawDav.Answer put = RAW.put(Hrefs.member(calendar, object.getKey()), object.getValue());
            assertThat(put.status()).as(object.getKey() + ": " + put.body()).isBetween(200, 204);
        }
        return calendar;
    }

    private static void connect(ApiClient api, URI server) {
        var r = api.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Spotter"}"""
                .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, server));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static boolean bookable(ApiClient api, String client, Instant start) {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":30}"""
                .formatted(client, OffsetDateTime.ofInstant(start, PersonalCalendar.ZONE)));
        if (r.status() == 201) {
            api.delete("/api/v1/bookings/" + r.json().get("id").stringValue());
            return true;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        return false;
    }

    private static JsonNode find(JsonNode calendars, String namePrefix) {
        for (JsonNode c : calendars) {
            if (c.get("name").stringValue().startsWith(namePrefix)) {
                return c;
            }
        }
        throw new AssertionError("no calendar named " + namePrefix + " in " + calendars);
    }

    private static String enc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+", "%2B");
    }

    /**
     * python3-recurring-ical-events over the same objects, with the same rules written independently: leave out
     * TRANSPARENT, CANCELLED and declined events, and all-day events unless they count.
     */
    private static List<String> independentExpansion(PersonalCalendar data, Instant from, Instant to,
            boolean withAllDay) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("busy-expansion-");
        for (Map.Entry<String, String> object : data.objects().entrySet()) {
            Files.writeString(dir.resolve(object.getKey()), object.getValue());
        }
        String script = """
                import sys, glob, datetime, zoneinfo
                import icalendar, recurring_ical_events
                folder, start, end, all_day, who = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", sys.argv[5]
                zone = zoneinfo.ZoneInfo("Africa/Johannesburg")
                start = datetime.datetime.fromisoformat(start)
                end = datetime.datetime.fromisoformat(end)
                def utc(value):
                    if isinstance(value, datetime.datetime):
                        return value if value.tzinfo else value.replace(tzinfo=zone)
                    return datetime.datetime.combine(value, datetime.time(), zone)
                out = []
                for path in sorted(glob.glob(folder + "/*.ics")):
                    calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
                    for event in recurring_ical_events.of(calendar).between(start, end):
                        if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
                            continue
                        if str(event.get("STATUS", "")).upper() == "CANCELLED":
                            continue
                        attendees = event.get("ATTENDEE", [])
                        attendees = attendees if isinstance(attendees, list) else [attendees]
                        if any(str(a).lower().replace("mailto:", "") == who and
                               str(a.params.get("PARTSTAT", "")).upper() == "DECLINED" for a in attendees):
                            continue
                        s, e = event["DTSTART"].dt, event["DTEND"].dt
                        if not isinstance(s, datetime.datetime) and not all_day:
                            continue
                        fmt = lambda d: utc(d).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                        out.append((fmt(s), fmt(e)))
                for s, e in sorted(out):
                    print(s + "/" + e)
                """;
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, dir.toString(), from.toString(),
                to.toString(), withAllDay ? "1" : "0", CalDavServerProcess.USER).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        return output.lines().filter(l -> !l.isBlank()).toList();
    }
}

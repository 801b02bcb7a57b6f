package app.spotter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Working hours, time off and slots through the JSON API, and the 409s and warnings they give bookings. */
class AvailabilityApiIT extends SpotterIT {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final LocalDate MONDAY = LocalDate.now(JOBURG).plusWeeks(2)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final String WEEKDAYS = """
            {"weekly":{"MO":[{"from":"06:00","to":"12:00"},{"from":"15:00","to":"19:00"}],
                       "TU":[{"from":"06:00","to":"12:00"}]},
             "buffer_minutes":15,"min_notice_minutes":60}""";

    private static String at(LocalDate day, String time) {
        return day + "T" + time + ":00+02:00";
    }

    @Test
    void workingHoursAreKeptAsGivenAndBadOnesAreRefusedWithNothingChanged() {
        ApiClient api = newTrainer();
        assertThat(api.get("/api/v1/availability/hours").json().get("weekly").isEmpty()).isTrue();
        assertThat(api.put("/api/v1/availability/hours", WEEKDAYS).status()).isEqualTo(200);

        JsonNode hours = api.get("/api/v1/availability/hours").json();
        assertThat(hours.get("weekly").get("MO")).hasSize(2);
        assertThat(hours.get("weekly").get("MO").get(1).get("from").stringValue()).isEqualTo("15:00");
        assertThat(hours.get("buffer_minutes").intValue()).isEqualTo(15);
        assertThat(hours.get("min_notice_minutes").intValue()).isEqualTo(60);

        var bad = api.put("/api/v1/availability/hours", """
                {"weekly":{"XX":[],"WE":[{"from":"10:00","to":"09:00"}],
                           "TH":[{"from":"08:00","to":"11:00"},{"from":"10:00","to":"12:00"}]},"buffer_minutes":-5}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("weekly.XX", "weekly.WE[0].to", "weekly.TH", "buffer_minutes");
        assertThat(api.get("/api/v1/availability/hours").json()).isEqualTo(hours);

        // partial: only the buffer changes
        api.put("/api/v1/availability/hours", "{\"buffer_minutes\":0}");
        assertThat(api.get("/api/v1/availability/hours").json().get("weekly").get("MO")).hasSize(2);
    }

    @Test
    void bookingIntoTimeOffIsRefusedNamingItUnlessTheTrainerBooksAnyway() {
        ApiClient api = newTrainer();
        String client = api.createClient("Naledi", "Dube", null);
        var off = api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Comrades Marathon"}"""
                .formatted(at(MONDAY, "00:00"), at(MONDAY.plusDays(2), "00:00")));
        assertThat(off.status()).isEqualTo(201);

        var refused = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(client, at(MONDAY, "09:00")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").stringValue()).contains("time off", "Comrades Marathon");
        assertThat(api.get("/api/v1/bookings?from=" + at(MONDAY, "00:00").replace("+", "%2B") + "&to="
                + at(MONDAY.plusDays(1), "00:00").replace("+", "%2B")).json()).isEmpty();

        var anyway = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"allow_conflict":true}"""
                .formatted(client, at(MONDAY, "09:00")));
        assertThat(anyway.status()).isEqualTo(201);
        assertThat(anyway.json().get("warnings").get(0).get("code").stringValue()).isEqualTo("time_off");

        // a group session is the same decision (the same Conflicts)
        String other = api.createClient("Thabo", "Mokoena", null);
        var group = api.post("/api/v1/bookings", """
                {"client_ids":["%s","%s"],"session_type":"group","starts_at":"%s","duration_minutes":60}"""
                .formatted(client, other, at(MONDAY, "11:00")));
        assertThat(group.status()).as(group.body()).isEqualTo(409);
        assertThat(group.json().get("detail").stringValue()).contains("Comrades Marathon");

        // moving a session into time off is the same decision
        String later = api.createBooking(client, at(MONDAY.plusDays(3), "09:00"), 60);
        var moved = api.patch("/api/v1/bookings/" + later, "{\"starts_at\":\"" + at(MONDAY.plusDays(1), "09:00")
                + "\"}");
        assertThat(moved.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/bookings/" + later).json().get("starts_at").stringValue())
                .startsWith(MONDAY.plusDays(3).toString());

        // once the time off is gone, the time is free again
        api.delete("/api/v1/availability/time-off/" + off.json().get("id").stringValue());
        assertThat(api.patch("/api/v1/bookings/" + later, "{\"starts_at\":\"" + at(MONDAY.plusDays(1), "09:00")
                + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aWeeklySeriesSkipsOrRefusesTheDateThatFallsIntoTimeOff() {
        ApiClient api = newTrainer();
        String client = api.createClient("Zanele", "Khumalo", null);
        api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Course"}"""
                .formatted(at(MONDAY.plusWeeks(1), "00:00"), at(MONDAY.plusWeeks(1).plusDays(1), "00:00")));
        String series = """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["MO"],"count":3}%s}""";

        var refused = api.post("/api/v1/bookings", series.formatted(client, at(MONDAY, "07:00"), ""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("errors")).singleElement().satisfies(e -> assertThat(
                e.get("message").stringValue()).startsWith(at(MONDAY.plusWeeks(1), "07:00")).contains("Course"));

        var skipped = api.post("/api/v1/bookings", series.formatted(client, at(MONDAY, "07:00"),
                ",\"skip_conflicts\":true"));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(201);
        assertThat(skipped.json().get("skipped")).singleElement().satisfies(e -> assertThat(
                e.get("starts_at").stringValue()).isEqualTo(at(MONDAY.plusWeeks(1), "07:00")));
    }

    @Test
    void bookingOutsideWorkingHoursIsAllowedWithAWarningTheTrainerSees() {
        ApiClient api = newTrainer();
        api.put("/api/v1/availability/hours", WEEKDAYS);
        String client = api.createClient("Sipho", "Nkosi", null);

        var inside = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(client, at(MONDAY, "07:00")));
        assertThat(inside.status()).isEqualTo(201);
        assertThat(inside.json().get("warnings")).isEmpty();

        var lunch = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(client, at(MONDAY, "12:30")));
        assertThat(lunch.status()).isEqualTo(201);
        assertThat(lunch.json().get("warnings").get(0).get("code").stringValue()).isEqualTo("outside_working_hours");
        assertThat(lunch.json().get("warnings").get(0).get("message").stringValue()).contains("working hours");

        // a session that runs past the end of a range is outside too
        var overrun = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(client, at(MONDAY, "18:30")));
        assertThat(overrun.json().get("warnings").get(0).get("code").stringValue()).isEqualTo("outside_working_hours");
    }

    @Test
    void slotsAreWorkingHoursMinusSessionsWithTheirBufferAndTimeOff() {
        ApiClient api = newTrainer();
        api.put("/api/v1/availability/hours", WEEKDAYS);
        String client = api.createClient("Lerato", "Mokoena", null);
        api.createBooking(client, at(MONDAY, "08:00"), 60);
        api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s"}""".formatted(at(MONDAY, "15:00"), at(MONDAY, "18:00")));

        var r = api.get("/api/v1/availability/slots?from=" + enc(at(MONDAY, "00:00")) + "&to="
                + enc(at(MONDAY.plusDays(1), "00:00")) + "&duration_minutes=60");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("timezone").stringValue()).isEqualTo("Africa/Johannesburg");
        // 08:00-09:00 widened by 15 minutes to 07:45-09:15: 07:00 would end inside it, 09:00 starts in it
        assertThat(texts(r.json().get("slots"))).containsExactly(at(MONDAY, "06:00"), at(MONDAY, "06:30"),
                at(MONDAY, "09:30"),
                at(MONDAY, "10:00"), at(MONDAY, "10:30"), at(MONDAY, "11:00"), at(MONDAY, "18:00"));

        assertThat(api.get("/api/v1/availability/slots?from=" + enc(at(MONDAY, "00:00")) + "&to="
                + enc(at(MONDAY.plusDays(100), "00:00")) + "&duration_minutes=60").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/availability/slots?from=" + enc(at(MONDAY, "00:00")) + "&to="
                + enc(at(MONDAY, "01:00")) + "&duration_minutes=0").status()).isEqualTo(400);
    }

    @Test
    void aLondonTrainersSlotsKeepTheirWallClockTimeAcrossTheClockChange() {
        ApiClient api = ApiClient.newTrainer(port, "Europe/London");
        ZoneId london = ZoneId.of("Europe/London");
        ZoneOffsetTransition change = london.getRules().nextTransition(Instant.now());
        LocalDate before = change.getInstant().atZone(london).toLocalDate().minusDays(1);
        api.put("/api/v1/availability/hours", """
                {"weekly":{"MO":[{"from":"09:00","to":"10:00"}],"TU":[{"from":"09:00","to":"10:00"}],
                 "WE":[{"from":"09:00","to":"10:00"}],"TH":[{"from":"09:00","to":"10:00"}],
                 "FR":[{"from":"09:00","to":"10:00"}],"SA":[{"from":"09:00","to":"10:00"}],
                 "SU":[{"from":"09:00","to":"10:00"}]}}""");
        String from = before.atStartOfDay(london).toOffsetDateTime().toString();
        String to = before.plusDays(3).atStartOfDay(london).toOffsetDateTime().toString();
        List<String> slots = texts(api.get("/api/v1/availability/slots?from=" + enc(from) + "&to=" + enc(to)
                + "&duration_minutes=60").json().get("slots"));

        assertThat(slots).hasSize(3).allSatisfy(s -> assertThat(s).contains("T09:00:00"));
        assertThat(OffsetDateTime.parse(slots.getFirst()).getOffset()).isEqualTo(change.getOffsetBefore());
        assertThat(OffsetDateTime.parse(slots.getLast()).getOffset()).isEqualTo(change.getOffsetAfter());
    }

    @org.springframework.beans.factory.annotation.Autowired
    Availability availability;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void slotsAskedAgainComeFromTheCacheYetChangeWithEveryBookingHoursTimeOffAndBusyTime() {
        ApiClient api = newTrainer();
        java.util.UUID trainerId = java.util.UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        api.put("/api/v1/availability/hours", WEEKDAYS);
        LocalDate tuesday = MONDAY.plusDays(1);
        String client = api.createClient("Lerato", "Mokoena", null);
        api.createBooking(client, at(tuesday, "11:00"), 60);
        String query = "/api/v1/availability/slots?from=" + enc(at(tuesday, "00:00")) + "&to="
                + enc(at(tuesday.plusDays(1), "00:00")) + "&duration_minutes=60";
        List<String> all = List.of(at(tuesday, "06:00"), at(tuesday, "06:30"), at(tuesday, "07:00"),
                at(tuesday, "07:30"), at(tuesday, "08:00"), at(tuesday, "08:30"), at(tuesday, "09:00"),
                at(tuesday, "09:30"));
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all);

        // the same question again reads no session or busy time: only whether anything changed
        Instant from = OffsetDateTime.parse(at(tuesday, "00:00")).toInstant();
        Instant to = OffsetDateTime.parse(at(tuesday.plusDays(1), "00:00")).toInstant();
        java.time.Duration hour = java.time.Duration.ofMinutes(60);
        java.time.Duration step = java.time.Duration.ofMinutes(30);
        var first = app.spotter.support.StatementCounter.measure(
                () -> availability.slots(trainerId, from, to.plusSeconds(60), hour, step));
        var again = app.spotter.support.StatementCounter.measure(
                () -> availability.slots(trainerId, from, to.plusSeconds(60), hour, step));
        assertThat(again.rows()).as("first: " + first).isLessThan(first.rows());
        assertThat(again.statements()).isLessThan(first.statements());

        // a booking, and its cancellation
        String booked = api.createBooking(client, at(tuesday, "08:00"), 60);
        assertThat(texts(api.get(query).json().get("slots"))).containsExactly(at(tuesday, "06:00"),
                at(tuesday, "06:30"), at(tuesday, "09:30"));
        api.post("/api/v1/bookings/" + booked + "/cancel", null);
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all);

        // time off, and taking it back
        String off = api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s"}""".formatted(at(tuesday, "06:00"), at(tuesday, "08:00")))
                .json().get("id").stringValue();
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all.subList(4, 8));
        api.delete("/api/v1/availability/time-off/" + off);
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all);

        // busy times as a refresh on any instance stores them: the calendar's read is new
        java.util.UUID calendar = java.util.UUID.randomUUID();
        jdbc.sql("INSERT INTO busy_calendars (id, trainer_id, provider, external_id, name, busy, last_read) "
                        + "VALUES (?, ?, 'apple', 'https://caldav.example/personal/', 'Personal', TRUE, NOW())")
                .params(calendar, trainerId).update();
        jdbc.sql("INSERT INTO busy_intervals (calendar_id, trainer_id, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                .params(calendar, trainerId, java.sql.Timestamp.from(OffsetDateTime.parse(at(tuesday, "06:00"))
                        .toInstant()), java.sql.Timestamp.from(OffsetDateTime.parse(at(tuesday, "06:30")).toInstant()))
                .update();
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all.subList(2, 8));
        api.patch("/api/v1/calendar-sync/calendars/" + calendar, "{\"busy\":false}");
        assertThat(texts(api.get(query).json().get("slots"))).containsExactlyElementsOf(all);

        // other working hours and buffer
        api.put("/api/v1/availability/hours", """
                {"weekly":{"TU":[{"from":"07:00","to":"09:00"}]},"buffer_minutes":0}""");
        assertThat(texts(api.get(query).json().get("slots"))).containsExactly(at(tuesday, "07:00"),
                at(tuesday, "07:30"), at(tuesday, "08:00"));
    }

    @Test
    void anotherTrainersTimeOffIsNotFoundAndUnchanged() {
        ApiClient owner = newTrainer();
        ApiClient other = newTrainer();
        String id = owner.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Leave"}"""
                .formatted(at(MONDAY, "00:00"), at(MONDAY.plusDays(1), "00:00"))).json().get("id").stringValue();
        assertThat(other.get("/api/v1/availability/time-off/" + id).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/availability/time-off/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/availability/time-off").json()).isEmpty();
        assertThat(owner.get("/api/v1/availability/time-off/" + id).json().get("label").stringValue())
                .isEqualTo("Leave");
        assertThat(owner.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","colour":"red"}"""
                .formatted(at(MONDAY, "09:00"), at(MONDAY, "08:00"))).body()).contains("ends_at", "colour");
    }

    private static String enc(String time) {
        return time.replace("+", "%2B");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.stringValue()));
        return out;
    }
}

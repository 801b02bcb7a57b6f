package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Recurring sessions through the API, on PostgreSQL: dates are relative to today. */
class SeriesApiIT extends SpotterIT {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");

    @Autowired
    SeriesHorizon horizon;

    private ApiClient api;
    private String clientId;
    /** Monday four weeks ahead, 06:00 in the trainer's zone. */
    private ZonedDateTime monday;

    @BeforeEach
    void trainerWithAClient() {
        api = newTrainer();
        clientId = api.createClient("Naledi", "Dube", "naledi@example.com");
        monday = LocalDate.now(JOBURG).plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atTime(6, 0).atZone(JOBURG);
    }

    private ApiClient.Response createSeries(String recurrence, boolean skip) {
        return api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"location":"Gym",
                 "recurrence":%s%s}""".formatted(clientId, at(monday), recurrence,
                skip ? ",\"skip_conflicts\":true" : ""));
    }

    private JsonNode series(String id) {
        var r = api.get("/api/v1/series/" + id);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static List<String> starts(JsonNode series, String status) {
        List<String> result = new ArrayList<>();
        for (JsonNode s : series.get("sessions")) {
            if (status == null || s.get("status").stringValue().equals(status)) {
                result.add(s.get("starts_at").stringValue());
            }
        }
        return result;
    }

    private String at(ZonedDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    @Test
    void aSeriesOfMondaysAndThursdaysBooksEverySessionWithItsSeriesId() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\",\"TH\"],\"count\":6}", false);
        assertThat(r.status()).isEqualTo(201);
        String seriesId = r.json().get("series_id").stringValue();
        assertThat(r.json().get("starts_at").stringValue()).isEqualTo(at(monday));
        assertThat(r.json().get("skipped")).isEmpty();

        JsonNode s = series(seriesId);
        assertThat(s.get("recurrence").get("days").toString()).isEqualTo("[\"MO\",\"TH\"]");
        assertThat(starts(s, "scheduled")).containsExactly(at(monday), at(monday.plusDays(3)), at(monday.plusDays(7)),
                at(monday.plusDays(10)), at(monday.plusDays(14)), at(monday.plusDays(17)));
        // every session is an ordinary booking: the bookings list shows it with its series
        var listed = api.get("/api/v1/bookings?from=" + enc(monday.minusDays(1)) + "&to=" + enc(monday.plusDays(30)));
        assertThat(listed.json()).hasSize(6);
        assertThat(listed.json().get(2).get("series_id").stringValue()).isEqualTo(seriesId);
        // and a single booking has none
        String single = api.createBooking(clientId, at(monday.minusDays(1)), 30);
        assertThat(api.get("/api/v1/bookings/" + single).json().get("series_id").isNull()).isTrue();
    }

    @Test
    void clashingDatesRefuseTheSeriesAndNameEveryDateOrAreSkippedWhenAsked() {
        api.createBooking(clientId, at(monday.plusDays(7).plusMinutes(30)), 60);
        api.createBooking(clientId, at(monday.plusDays(21)), 45);
        String rule = "{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"until\":\"" + monday.plusWeeks(5).toLocalDate()
                + "\"}";
        var refused = createSeries(rule, false);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors")).hasSize(2);
        assertThat(refused.json().get("errors").get(0).get("message").stringValue())
                .startsWith(at(monday.plusDays(7)));
        assertThat(refused.json().get("errors").get(1).get("message").stringValue())
                .startsWith(at(monday.plusDays(21)));
        // nothing was created
        assertThat(api.get("/api/v1/bookings?from=" + enc(monday.minusDays(1)) + "&to=" + enc(monday.plusDays(40)))
                .json()).hasSize(2);

        var created = createSeries(rule, true);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("skipped")).hasSize(2);
        assertThat(created.json().get("skipped").get(0).get("starts_at").stringValue())
                .isEqualTo(at(monday.plusDays(7)));
        JsonNode s = series(created.json().get("series_id").stringValue());
        assertThat(starts(s, null)).containsExactly(at(monday), at(monday.plusDays(14)), at(monday.plusDays(28)),
                at(monday.plusDays(35)));
    }

    @Test
    void anOpenEndedSeriesIsBookedTwentySixWeeksAheadAndTheHorizonJobAddsTheNextWeeksOnce() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"]}", false);
        String id = r.json().get("series_id").stringValue();
        int before = series(id).get("sessions").size();
        // 26 weeks from the first session (which is 4 weeks ahead), never more
        assertThat(before).isBetween(26, 27);
        Instant later = Instant.now().plus(Duration.ofDays(10 * 7));
        horizon.extendDue(later);
        int after = series(id).get("sessions").size();
        assertThat(after).isBetween(30, 37);
        horizon.extendDue(later);
        assertThat(series(id).get("sessions")).hasSize(after);
    }

    @Test
    void changingOneSessionLeavesTheOthersAlone() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"count\":3}", false);
        String id = r.json().get("series_id").stringValue();
        JsonNode second = series(id).get("sessions").get(1);
        var moved = api.patch("/api/v1/bookings/" + second.get("id").stringValue(),
                "{\"starts_at\":\"" + at(monday.plusDays(8).withHour(7)) + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("series_id").stringValue()).isEqualTo(id);
        assertThat(starts(series(id), "scheduled")).containsExactly(at(monday), at(monday.plusDays(8).withHour(7)),
                at(monday.plusDays(14)));
    }

    @Test
    void editingAllChangesEverySessionNotYetStartedInPlace() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"count\":3}", false);
        String id = r.json().get("series_id").stringValue();
        var changed = api.patch("/api/v1/series/" + id, "{\"scope\":\"all\",\"location\":\"Park\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("id").stringValue()).isEqualTo(id);
        for (JsonNode s : series(id).get("sessions")) {
            assertThat(s.get("location").stringValue()).isEqualTo("Park");
        }
    }

    @Test
    void thisAndFollowingSplitsTheSeries() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"count\":4}", false);
        String id = r.json().get("series_id").stringValue();
        var changed = api.patch("/api/v1/series/" + id, """
                {"scope":"following","from":"%s","starts_at":"%s"}""".formatted(at(monday.plusDays(14)),
                at(monday.plusDays(15).withHour(18))));
        assertThat(changed.status()).isEqualTo(200);
        String newId = changed.json().get("id").stringValue();
        assertThat(newId).isNotEqualTo(id);
        assertThat(starts(changed.json(), "scheduled")).containsExactly(at(monday.plusDays(15).withHour(18)),
                at(monday.plusDays(22).withHour(18)));
        assertThat(changed.json().get("recurrence").get("count").intValue()).isEqualTo(2);
        JsonNode old = series(id);
        assertThat(starts(old, "scheduled")).containsExactly(at(monday), at(monday.plusDays(7)));
        assertThat(old.get("recurrence").get("until").stringValue())
                .isEqualTo(monday.plusDays(13).toLocalDate().toString());
    }

    @Test
    void endingASeriesFromASessionCancelsThatSessionAndTheFollowingOnly() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"count\":4}", false);
        String id = r.json().get("series_id").stringValue();
        var ended = api.post("/api/v1/series/" + id + "/cancel",
                "{\"scope\":\"following\",\"from\":\"" + at(monday.plusDays(14)) + "\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(starts(ended.json(), "scheduled")).containsExactly(at(monday), at(monday.plusDays(7)));
        assertThat(starts(ended.json(), "cancelled")).containsExactly(at(monday.plusDays(14)),
                at(monday.plusDays(21)));
        // the freed time can be booked again
        assertThat(api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60}""".formatted(clientId,
                at(monday.plusDays(14)))).status()).isEqualTo(201);
    }

    @Test
    void cancellingAllCancelsEverySessionNotYetStarted() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"TU\"],\"count\":3}", false);
        String id = r.json().get("series_id").stringValue();
        var ended = api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"all\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(starts(ended.json(), "scheduled")).isEmpty();
        assertThat(starts(ended.json(), "cancelled")).hasSize(3);
    }

    @Test
    void theFeedShowsASeriesAsOneEventWithItsRuleItsExclusionAndItsMovedSession() throws Exception {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\",\"TH\"],\"count\":6}", false);
        String id = r.json().get("series_id").stringValue();
        JsonNode sessions = series(id).get("sessions");
        api.post("/api/v1/bookings/" + sessions.get(1).get("id").stringValue() + "/cancel", null);
        api.patch("/api/v1/bookings/" + sessions.get(3).get("id").stringValue(),
                "{\"starts_at\":\"" + at(monday.plusDays(10).withHour(8)) + "\"}");
        String url = api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();
        String path = java.net.URI.create(url).getRawPath();
        String ics = anonymous().get(path).body();
        assertThat(ics.split("RRULE:", -1)).hasSize(2);
        assertThat(ics).contains("EXDATE;TZID=Africa/Johannesburg:", "RECURRENCE-ID;TZID=Africa/Johannesburg:");
        List<Instant> expected = new ArrayList<>();
        for (JsonNode s : series(id).get("sessions")) {
            if (s.get("status").stringValue().equals("scheduled")) {
                expected.add(OffsetDateTime.parse(s.get("starts_at").stringValue()).toInstant());
            }
        }
        expected.sort(null);
        assertThat(app.spotter.calendar.SeriesExpander.starts(ics, monday.toInstant().minus(Duration.ofDays(1)),
                monday.toInstant().plus(Duration.ofDays(30)))).containsExactlyElementsOf(expected);
    }

    @Test
    void badRulesAreRefusedWithTheFieldNamedAndNothingIsBooked() {
        var r = createSeries("{\"frequency\":\"daily\",\"days\":[\"XX\"],\"until\":\"2030-01-01\",\"count\":2}",
                false);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).contains("recurrence.frequency", "recurrence.days",
                "recurrence.count");
        var skipAlone = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"skip_conflicts":true}"""
                .formatted(clientId, at(monday)));
        assertThat(skipAlone.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bookings?from=" + enc(monday.minusDays(1)) + "&to=" + enc(monday.plusDays(1)))
                .json()).isEmpty();
    }

    @Test
    void anotherTrainersSeriesIsNotFound() {
        var r = createSeries("{\"frequency\":\"weekly\",\"days\":[\"MO\"],\"count\":2}", false);
        String id = r.json().get("series_id").stringValue();
        ApiClient other = newTrainer();
        assertThat(other.get("/api/v1/series/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/series/" + id + "/cancel", "{}").status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/series/" + id, "{\"location\":\"x\"}").status()).isEqualTo(404);
        assertThat(starts(series(id), "scheduled")).hasSize(2);
    }

    private static String enc(ZonedDateTime t) {
        return java.net.URLEncoder.encode(OffsetDateTime.from(t).toString(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

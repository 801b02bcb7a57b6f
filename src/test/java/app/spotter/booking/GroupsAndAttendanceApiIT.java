package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sessions with several clients, attendance and late cancellation, through the API. */
class GroupsAndAttendanceApiIT extends SpotterIT {

    private static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");

    private ApiClient api;
    private String ann;
    private String ben;
    private String cas;

    @BeforeEach
    void trainerWithThreeClients() {
        api = newTrainer();
        ann = api.createClient("Ann", "Bee", "ann@example.com");
        ben = api.createClient("Ben", "Cee", "ben@example.com");
        cas = api.createClient("Cas", "Dee", null);
    }

    /** A whole hour {@code hours} from now, in the trainer's zone. */
    private static String hoursFromNow(long hours) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                ZonedDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(hours));
    }

    private String group(String startsAt, String... clients) {
        var r = api.post("/api/v1/bookings", """
                {"client_ids":%s,"starts_at":"%s","duration_minutes":60,"session_type":"group"}"""
                .formatted(ids(clients), startsAt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").stringValue();
    }

    private static String ids(String... clients) {
        return "[" + String.join(",", java.util.Arrays.stream(clients).map(c -> "\"" + c + "\"").toList()) + "]";
    }

    private static List<String> clientIds(JsonNode booking) {
        List<String> ids = new ArrayList<>();
        booking.get("client_ids").forEach(n -> ids.add(n.stringValue()));
        return ids;
    }

    private static String attendanceOf(JsonNode booking, String client) {
        for (JsonNode p : booking.get("participants")) {
            if (p.get("client_id").stringValue().equals(client)) {
                return p.get("attendance").isNull() ? null : p.get("attendance").stringValue();
            }
        }
        throw new AssertionError(client + " is not a participant");
    }

    @Test
    void aGroupSessionHoldsSeveralClientsAndAnotherSessionAtThatTimeIsStillAnOverlap() {
        String start = hoursFromNow(24 * 20);
        String id = group(start, ann, ben);
        JsonNode booking = api.get("/api/v1/bookings/" + id).json();
        assertThat(clientIds(booking)).containsExactly(ann, ben);
        assertThat(booking.get("client_id").stringValue()).as("the first, for single-client readers").isEqualTo(ann);
        assertThat(booking.get("capacity").intValue()).isEqualTo(8);

        var second = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":30}""".formatted(cas, start));
        assertThat(second.status()).as("the trainer's time is taken, however many clients").isEqualTo(409);

        var added = api.patch("/api/v1/bookings/" + id, "{\"client_ids\":" + ids(ann, ben, cas) + "}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(clientIds(added.json())).containsExactly(ann, ben, cas);
        var removed = api.patch("/api/v1/bookings/" + id, "{\"client_ids\":" + ids(ben, cas) + "}");
        assertThat(clientIds(removed.json())).containsExactly(ben, cas);
        assertThat(removed.json().get("client_id").stringValue()).isEqualTo(ben);
    }

    @Test
    void aSessionBeyondItsCapacityIsRefusedAndChangesNothing() {
        String id = group(hoursFromNow(24 * 21), ann);
        var tooSmall = api.patch("/api/v1/bookings/" + id, "{\"client_ids\":" + ids(ann, ben) + ",\"capacity\":1}");
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.json().get("errors").get(0).get("field").stringValue()).isEqualTo("client_ids");
        assertThat(clientIds(api.get("/api/v1/bookings/" + id).json())).containsExactly(ann);

        var oneOnOne = api.post("/api/v1/bookings", """
                {"client_ids":%s,"starts_at":"%s","duration_minutes":60}"""
                .formatted(ids(ann, ben), hoursFromNow(24 * 22)));
        assertThat(oneOnOne.status()).as("a 1:1 session holds one client").isEqualTo(400);
        var raised = api.post("/api/v1/bookings", """
                {"client_ids":%s,"starts_at":"%s","duration_minutes":60,"capacity":2}"""
                .formatted(ids(ann, ben), hoursFromNow(24 * 22)));
        assertThat(raised.status()).isEqualTo(201);
        assertThat(raised.json().get("capacity").intValue()).isEqualTo(2);
    }

    @Test
    void clientIdStillBooksOneClientAndBothFormsAtOnceAreRefused() {
        String id = api.createBooking(ann, hoursFromNow(24 * 23), 60);
        JsonNode booking = api.get("/api/v1/bookings/" + id).json();
        assertThat(clientIds(booking)).containsExactly(ann);
        assertThat(booking.get("capacity").intValue()).isEqualTo(1);
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"client_id\":\"" + ben + "\"}").json()
                .get("client_ids").get(0).stringValue()).isEqualTo(ben);
        var both = api.patch("/api/v1/bookings/" + id,
                "{\"client_id\":\"" + ann + "\",\"client_ids\":" + ids(ann) + "}");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void anotherTrainersClientCannotBeAdded() {
        String id = group(hoursFromNow(24 * 24), ann);
        ApiClient other = newTrainer();
        String stranger = other.createClient("Zed", "Stranger", null);
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"client_ids\":" + ids(ann, stranger) + "}").status())
                .isEqualTo(404);
        assertThat(clientIds(api.get("/api/v1/bookings/" + id).json())).containsExactly(ann);
    }

    @Test
    void eachParticipantIsMarkedOnItsOwnAndOnlyOnceTheSessionHasStarted() {
        String past = group(hoursFromNow(-3), ann, ben, cas);
        var attended = api.post("/api/v1/bookings/" + past + "/attendance",
                "{\"client_id\":\"" + ann + "\",\"status\":\"attended\"}");
        assertThat(attended.status()).isEqualTo(200);
        api.post("/api/v1/bookings/" + past + "/attendance", "{\"client_id\":\"" + ben + "\",\"status\":\"no_show\"}");
        api.post("/api/v1/bookings/" + past + "/attendance",
                "{\"client_id\":\"" + cas + "\",\"status\":\"late_cancel\"}");
        JsonNode marked = api.get("/api/v1/bookings/" + past).json();
        assertThat(attendanceOf(marked, ann)).isEqualTo("attended");
        assertThat(attendanceOf(marked, ben)).isEqualTo("no_show");
        assertThat(attendanceOf(marked, cas)).isEqualTo("late_cancel");

        String future = group(hoursFromNow(24 * 25), ann);
        assertThat(api.post("/api/v1/bookings/" + future + "/attendance",
                "{\"client_id\":\"" + ann + "\",\"status\":\"attended\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/bookings/" + past + "/attendance",
                "{\"client_id\":\"" + ann + "\",\"status\":\"came\"}").status()).isEqualTo(400);
        String notIn = api.createClient("Dee", "Out", null);
        assertThat(api.post("/api/v1/bookings/" + past + "/attendance",
                "{\"client_id\":\"" + notIn + "\",\"status\":\"attended\"}").status()).isEqualTo(400);
        assertThat(attendanceOf(api.get("/api/v1/bookings/" + past).json(), ann)).isEqualTo("attended");
    }

    @Test
    void aCancellationInsideTheLateCancelWindowIsLateAndCarriesItsReason() {
        assertThat(api.get("/api/v1/attendance-rules").json().get("late_cancel_hours").intValue()).isEqualTo(24);
        String soon = group(hoursFromNow(5), ann, ben);
        var cancelled = api.post("/api/v1/bookings/" + soon + "/cancel", "{\"reason\":\"Flooded studio\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancel_reason").stringValue()).isEqualTo("Flooded studio");
        assertThat(cancelled.json().get("late_cancel").booleanValue()).isTrue();
        assertThat(attendanceOf(cancelled.json(), ben)).isEqualTo("late_cancel");

        String later = group(hoursFromNow(48), ann);
        var early = api.post("/api/v1/bookings/" + later + "/cancel", null);
        assertThat(early.json().get("late_cancel").booleanValue()).isFalse();
        assertThat(attendanceOf(early.json(), ann)).isNull();

        assertThat(api.put("/api/v1/attendance-rules", "{\"late_cancel_hours\":72}").status()).isEqualTo(200);
        String inWiderWindow = group(hoursFromNow(50), ann);
        assertThat(api.post("/api/v1/bookings/" + inWiderWindow + "/cancel", "{}").json().get("late_cancel")
                .booleanValue()).isTrue();
        assertThat(api.put("/api/v1/attendance-rules", "{\"late_cancel_hours\":-1}").status()).isEqualTo(400);
    }

    @Test
    void aClientsSessionsIncludeGroupsTheyJoinedAndTheirCountsFollowTheMarks() {
        String past = group(hoursFromNow(-2), ann, ben);
        String upcoming = group(hoursFromNow(24 * 3), ben);
        api.createBooking(cas, hoursFromNow(24 * 4), 60);
        api.post("/api/v1/bookings/" + past + "/attendance", "{\"client_id\":\"" + ben + "\",\"status\":\"attended\"}");

        var sessions = api.get("/api/v1/clients/" + ben + "/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        sessions.json().forEach(s -> ids.add(s.get("id").stringValue()));
        assertThat(ids).containsExactly(past, upcoming);
        var upcomingOnly = api.get("/api/v1/clients/" + ben + "/sessions?from="
                + java.net.URLEncoder.encode(hoursFromNow(0), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upcomingOnly.json()).hasSize(1);
        assertThat(upcomingOnly.json().get(0).get("id").stringValue()).isEqualTo(upcoming);

        JsonNode year = api.get("/api/v1/clients/" + ben + "/attendance").json().get("this_year");
        assertThat(year.get("attended").intValue()).isEqualTo(1);
        assertThat(year.get("no_show").intValue()).isZero();
        assertThat(api.get("/api/v1/clients/" + ann + "/attendance").json().get("this_year").get("attended")
                .intValue()).isZero();
        assertThat(newTrainer().get("/api/v1/clients/" + ben + "/sessions").status())
                .as("another trainer's client").isEqualTo(404);
    }

    @Test
    void erasingOneClientOfAGroupTakesThemOutAndTheSessionGoesOnForTheOthers() {
        String shared = group(hoursFromNow(24 * 26), ann, ben);
        String alone = group(hoursFromNow(24 * 27), ben);
        assertThat(api.post("/api/v1/clients/" + ben + "/erase", null).status()).isEqualTo(204);

        JsonNode kept = api.get("/api/v1/bookings/" + shared).json();
        assertThat(kept.get("status").stringValue()).isEqualTo("scheduled");
        assertThat(clientIds(kept)).containsExactly(ann);
        assertThat(api.get("/api/v1/bookings/" + alone).status()).as("their own session is gone").isEqualTo(404);
        assertThat(api.get("/api/v1/clients/" + ann + "/sessions").json()).hasSize(1);
    }

    @Test
    void erasingOneClientOfACancelledGroupKeepsTheSessionInTheOthersHistory() {
        String cancelled = group(hoursFromNow(24 * 28), ben, ann);
        assertThat(api.post("/api/v1/bookings/" + cancelled + "/cancel", null).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/clients/" + ben + "/erase", null).status()).isEqualTo(204);

        JsonNode kept = api.get("/api/v1/bookings/" + cancelled).json();
        assertThat(kept.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(clientIds(kept)).containsExactly(ann);
        assertThat(kept.get("client_id").stringValue()).isEqualTo(ann);
        assertThat(api.get("/api/v1/clients/" + ann + "/sessions").json().findValuesAsString("id"))
                .contains(cancelled);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private BookingRepository repository;

    @org.springframework.beans.factory.annotation.Autowired
    private Bookings bookings;

    @Test
    void aMarkSavedFromAnOlderReadingKeepsAClientAddedMeanwhile() {
        String past = group(hoursFromNow(-4), ann);
        java.util.UUID trainer = java.util.UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        java.util.UUID id = java.util.UUID.fromString(past);
        Booking read = repository.find(trainer, id).orElseThrow();
        Booking changed = bookings.get(trainer, id);
        bookings.change(trainer, id, changed.details(),
                List.of(java.util.UUID.fromString(ann), java.util.UUID.fromString(ben)), null);

        read.mark(java.util.UUID.fromString(ann), Attendance.ATTENDED, java.time.Instant.now());
        repository.saveAttendance(read, java.util.UUID.fromString(ann));

        JsonNode now = api.get("/api/v1/bookings/" + past).json();
        assertThat(clientIds(now)).containsExactly(ann, ben);
        assertThat(attendanceOf(now, ann)).isEqualTo("attended");
    }

    @Test
    void aClientTakenOutOfAGroupInsideTheWindowHasCancelledLateAndOutsideItHasNot() {
        String soon = group(hoursFromNow(3), ann, ben, cas);
        String later = group(hoursFromNow(24 * 5), ann, ben);
        api.patch("/api/v1/bookings/" + soon, "{\"client_ids\":" + ids(ann, cas) + "}");
        api.patch("/api/v1/bookings/" + later, "{\"client_ids\":" + ids(ann) + "}");
        // Cas leaves late and comes back: no late cancellation for Cas
        api.patch("/api/v1/bookings/" + soon, "{\"client_ids\":" + ids(ann) + "}");
        api.patch("/api/v1/bookings/" + soon, "{\"client_ids\":" + ids(ann, cas) + "}");

        JsonNode benYear = api.get("/api/v1/clients/" + ben + "/attendance").json().get("this_year");
        assertThat(benYear.get("late_cancel").intValue()).as("left 3 hours before; not 5 days before").isEqualTo(1);
        assertThat(api.get("/api/v1/clients/" + cas + "/attendance").json().get("this_year").get("late_cancel")
                .intValue()).isZero();
        assertThat(api.get("/api/v1/clients/" + ann + "/attendance").json().get("this_year").get("late_cancel")
                .intValue()).isZero();
    }
}

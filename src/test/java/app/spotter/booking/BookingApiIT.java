package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingApiIT extends SpotterIT {

    /** A month two ahead ("2027-02"), so every session these tests book stays in the future. */
    private static final String M = java.time.YearMonth.now(java.time.ZoneId.of("Africa/Johannesburg")).plusMonths(2)
            .toString();

    private ApiClient api;
    private String clientId;

    @BeforeEach
    void trainerWithAClient() {
        api = newTrainer();
        clientId = api.createClient("Naledi", "Dube", "naledi@example.com");
    }

    @Test
    void aBookingIsCreatedAndAnsweredInTheTrainersZone() {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-01T07:00:00Z","ends_at":"%2$s-01T08:00:00Z",
                 "session_type":"assessment","location":"Gym, Sea Point","notes":"knee","color_hex":"#1e90ff"}"""
                .formatted(clientId, M));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("starts_at").stringValue()).isEqualTo(M + "-01T09:00:00+02:00");
        assertThat(r.json().get("ends_at").stringValue()).isEqualTo(M + "-01T10:00:00+02:00");
        assertThat(r.json().get("status").stringValue()).isEqualTo("scheduled");
        assertThat(r.json().get("session_type").stringValue()).isEqualTo("assessment");
        assertThat(r.json().get("color_hex").stringValue()).isEqualTo("#1E90FF");

        var fetched = api.get("/api/v1/bookings/" + r.json().get("id").stringValue());
        assertThat(fetched.json()).isEqualTo(r.json());
    }

    @Test
    void durationMinutesSetsTheEndAndTheDefaultSessionTypeIsOneOnOne() {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-02T09:00:00+02:00","duration_minutes":45}"""
                .formatted(clientId, M));
        assertThat(r.json().get("ends_at").stringValue()).isEqualTo(M + "-02T09:45:00+02:00");
        assertThat(r.json().get("session_type").stringValue()).isEqualTo("one_on_one");
    }

    @Test
    void anOverlappingBookingIsAConflictButTouchingOnesAreFine() {
        api.createBooking(clientId, M + "-03T09:00:00+02:00", 60);
        var overlap = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-03T09:30:00+02:00","duration_minutes":60}""".formatted(clientId, M));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("detail").stringValue()).contains("09:00-10:00");
        var touching = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-03T10:00:00+02:00","duration_minutes":60}""".formatted(clientId, M));
        assertThat(touching.status()).isEqualTo(201);
    }

    @Test
    void aCancelledBookingFreesItsSlot() {
        String id = api.createBooking(clientId, M + "-04T09:00:00+02:00", 60);
        var cancelled = api.post("/api/v1/bookings/" + id + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").stringValue()).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-04T09:00:00+02:00","duration_minutes":60}""".formatted(clientId, M))
                .status()).isEqualTo(201);
    }

    @Test
    void cancellingTwiceIsAConflictAndChangesNothing() {
        String id = api.createBooking(clientId, M + "-05T09:00:00+02:00", 60);
        api.post("/api/v1/bookings/" + id + "/cancel", null);
        var again = api.post("/api/v1/bookings/" + id + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"location\":\"Park\"}").status()).isEqualTo(409);
    }

    @Test
    void reschedulingTheStartKeepsTheLength() {
        String id = api.createBooking(clientId, M + "-06T09:00:00+02:00", 90);
        var moved = api.patch("/api/v1/bookings/" + id, "{\"starts_at\":\"" + M + "-06T14:00:00+02:00\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("ends_at").stringValue()).isEqualTo(M + "-06T15:30:00+02:00");
        var cleared = api.patch("/api/v1/bookings/" + id, "{\"location\":null,\"session_type\":\"online\"}");
        assertThat(cleared.json().get("location").isNull()).isTrue();
        assertThat(cleared.json().get("session_type").stringValue()).isEqualTo("online");
    }

    @Test
    void aRescheduleOntoAnotherSessionIsAConflictAndLeavesTheBookingAsItWas() {
        api.createBooking(clientId, M + "-07T09:00:00+02:00", 60);
        String id = api.createBooking(clientId, M + "-07T11:00:00+02:00", 60);
        var r = api.patch("/api/v1/bookings/" + id, "{\"starts_at\":\"" + M + "-07T09:30:00+02:00\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(M + "-07T11:00:00+02:00");
    }

    @Test
    void aDeletedBookingIsGone() {
        String id = api.createBooking(clientId, M + "-08T09:00:00+02:00", 60);
        assertThat(api.delete("/api/v1/bookings/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/bookings/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/bookings/" + id).status()).isEqualTo(404);
    }

    @Test
    void theListShowsScheduledAndCancelledBookingsInTheRange() {
        String a = api.createBooking(clientId, M + "-09T09:00:00+02:00", 60);
        String b = api.createBooking(clientId, M + "-10T09:00:00+02:00", 60);
        api.createBooking(clientId, M + "-20T09:00:00+02:00", 60);
        api.post("/api/v1/bookings/" + b + "/cancel", null);
        var list = api.get("/api/v1/bookings?from=" + M + "-09T00:00:00%2B02:00&to=" + M + "-11T00:00:00%2B02:00");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("id")).containsExactly(a, b);
        assertThat(list.json().findValuesAsString("status")).containsExactly("scheduled", "cancelled");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsStored() {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"nope","starts_at":"tomorrow","ends_at":"%1$s-01T08:00:00Z",
                 "session_type":"yoga","color_hex":"blue"}""".formatted(M));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .contains("client_id", "starts_at", "session_type", "color_hex");
        assertThat(api.get("/api/v1/bookings").json()).isEmpty();
    }

    @Test
    void endsBeforeStartsIsRefused() {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-01T10:00:00+02:00","ends_at":"%2$s-01T09:00:00+02:00"}"""
                .formatted(clientId, M));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("ends_at");
    }

    @Test
    void unknownFieldsMalformedJsonAndWrongTypesAre400() {
        var unknown = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-01T10:00:00+02:00","duration_minutes":60,"room":"A"}"""
                .formatted(clientId, M));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("room");

        var malformed = api.post("/api/v1/bookings", "{\"client_id\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var wrongType = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-01T10:00:00+02:00","duration_minutes":"sixty"}"""
                .formatted(clientId, M));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").findValuesAsString("field")).containsExactly("duration_minutes");
        assertThat(api.get("/api/v1/bookings").json()).isEmpty();
    }

    @Test
    void aTimeWithoutAnOffsetIsRefused() {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%2$s-01T10:00:00","duration_minutes":60}""".formatted(clientId, M));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("starts_at");
    }
}

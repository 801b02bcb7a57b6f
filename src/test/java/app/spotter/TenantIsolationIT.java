package app.spotter;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trainer A walks every endpoint that takes an id with trainer B's ids: always 404, never B's data. */
class TenantIsolationIT extends SpotterIT {

    @Test
    void aTrainerNeverReachesAnotherTrainersClientsOrBookings() {
        ApiClient b = newTrainer();
        String bClient = b.createClient("Private", "Person", "private@example.com");
        LocalDate day = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(10);
        String bBooking = b.createBooking(bClient, day + "T09:00:00+02:00", 60);
        ApiClient a = newTrainer();
        String aClient = a.createClient("Own", "Client", null);
        String aBooking = a.createBooking(aClient, day.plusDays(1) + "T09:00:00+02:00", 60);

        List<ApiClient.Response> answers = List.of(
                a.get("/api/v1/clients/" + bClient),
                a.patch("/api/v1/clients/" + bClient, "{\"first_name\":\"Hijacked\"}"),
                a.delete("/api/v1/clients/" + bClient),
                a.get("/api/v1/bookings/" + bBooking),
                a.patch("/api/v1/bookings/" + bBooking, "{\"location\":\"Hijacked\"}"),
                a.post("/api/v1/bookings/" + bBooking + "/cancel", null),
                a.delete("/api/v1/bookings/" + bBooking),
                a.post("/api/v1/bookings", """
                        {"client_id":"%s","starts_at":"%sT09:00:00+02:00","duration_minutes":60}"""
                        .formatted(bClient, day.plusDays(2))),
                a.patch("/api/v1/bookings/" + aBooking, "{\"client_id\":\"%s\"}".formatted(bClient)));
        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Private", "private@example.com", day.toString());
        }

        assertThat(a.get("/api/v1/clients").json().findValuesAsString("id")).containsExactly(aClient);
        assertThat(a.get("/api/v1/bookings").json().findValuesAsString("id")).containsExactly(aBooking);

        // B's data is untouched
        assertThat(b.get("/api/v1/clients/" + bClient).json().get("first_name").stringValue()).isEqualTo("Private");
        var booking = b.get("/api/v1/bookings/" + bBooking).json();
        assertThat(booking.get("status").stringValue()).isEqualTo("scheduled");
        assertThat(booking.get("location").isNull()).isTrue();
    }
}

package app.spotter.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.SpotterIT;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POPIA: a client's export and erasure, archive as a separate reversible action, the account's export and deletion. */
class PrivacyRightsIT extends SpotterIT {

    private static final String SECRET_NOTE = "knee injury; HIV+ (medical)";

    @Autowired
    JdbcClient jdbc;

    private static String at(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.HOURS).plusDays(days).withHour(9)
                .toString();
    }

    private String booking(ApiClient api, String client, int days) {
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"notes":"%s","location":"12 Jan Smuts Ave"}"""
                .formatted(client, at(days), SECRET_NOTE));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").stringValue();
    }

    @Test
    void erasingAClientRemovesTheirNameContactsNotesAndLocationsEverywhereAndKeepsOnlyCounts() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Palesa", "Mahlangu", "palesa@example.com");
        String other = api.createClient("Kagiso", "Sithole", null);
        String past = booking(api, client, -3);
        String upcoming = booking(api, client, 4);
        String cancelled = booking(api, client, 5);
        api.post("/api/v1/bookings/" + cancelled + "/cancel", null);
        String kept = booking(api, other, 6);
        String feed = api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();
        assertThat(fetchFeed(feed)).contains("Palesa Mahlangu");

        assertThat(api.post("/api/v1/clients/" + client + "/erase", null).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/clients/" + client).status()).isEqualTo(404);
        for (String id : new String[] {past, upcoming, cancelled}) {
            assertThat(api.get("/api/v1/bookings/" + id).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/bookings/" + kept).json().get("notes").stringValue()).isEqualTo(SECRET_NOTE);
        assertThat(fetchFeed(feed)).doesNotContain("Palesa").doesNotContain("Mahlangu").contains("Kagiso");
        assertThat(api.get("/api/v1/clients").body()).doesNotContain("Palesa");
        // nothing personal left in the database either: not the name, the address, the notes or the location
        String rows = jdbc.sql("""
                SELECT string_agg(concat_ws('|', c.first_name, c.last_name, c.email, c.phone,
                                  b.notes, b.location), ';')
                FROM clients c LEFT JOIN bookings b ON b.client_id = c.id WHERE c.id = ?""")
                .param(UUID.fromString(client)).query(String.class).single();
        assertThat(rows == null ? "" : rows).doesNotContain("Palesa", "Mahlangu", "knee", "Jan Smuts");
        String counts = jdbc.sql("SELECT erased_counts::text FROM clients WHERE id = ?")
                .param(UUID.fromString(client)).query(String.class).single();
        assertThat(counts).contains("\"sessions\": 3").contains("\"cancelled\": 1");
        // the address goes once no calendar has to be told any more (no calendar is connected here)
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(jdbc.sql(
                "SELECT email FROM clients WHERE id = ?").param(UUID.fromString(client)).query(String.class)
                .optional().orElse(null)).isNull());
        assertThat(api.post("/api/v1/clients/" + client + "/erase", null).status()).isEqualTo(404);
    }

    @Test
    void archiveIsSeparateAndReversible() {
        ApiClient api = newTrainer();
        String client = api.createClient("Lindiwe", "Ngcobo", "lindiwe@example.com");
        assertThat(api.post("/api/v1/clients/" + client + "/archive", null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients").body()).doesNotContain("Lindiwe");
        assertThat(api.get("/api/v1/clients?archived=true").body()).contains("Lindiwe");
        assertThat(api.get("/api/v1/clients/" + client).json().get("email").stringValue())
                .isEqualTo("lindiwe@example.com");
        assertThat(api.post("/api/v1/clients/" + client + "/unarchive", null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients").body()).contains("Lindiwe");
    }

    @Test
    void aClientsExportHoldsTheirDetailsAndSessions() {
        ApiClient api = newTrainer();
        String client = api.createClient("Thuli", "Mthembu", "thuli@example.com");
        String session = booking(api, client, 2);
        assertThat(api.put("/api/v1/clients/" + client + "/notes", """
                {"notes":"prefers mornings; asthma"}""").status()).isEqualTo(200);
        var export = api.get("/api/v1/clients/" + client + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("email").stringValue()).isEqualTo("thuli@example.com");
        assertThat(export.json().get("sessions").findValuesAsString("id")).containsExactly(session);
        assertThat(export.json().get("sessions").get(0).get("notes").stringValue()).isEqualTo(SECRET_NOTE);
        assertThat(export.json().get("private_notes").stringValue()).isEqualTo("prefers mornings; asthma");
        assertThat(newTrainer().get("/api/v1/clients/" + client + "/export").status()).isEqualTo(404);
    }

    @Test
    void theAccountExportHoldsEverythingAndNoSecret() {
        ApiClient api = newTrainer();
        String client = api.createClient("Musa", "Ndlovu", "musa@example.com");
        String session = booking(api, client, 2);
        var export = api.get("/api/v1/me/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("trainer").get("name").stringValue()).isEqualTo("Thandi Trainer");
        assertThat(export.json().get("clients").findValuesAsString("email")).contains("musa@example.com");
        assertThat(export.json().get("bookings").findValuesAsString("id")).containsExactly(session);
        assertThat(export.json().has("preferences")).isTrue();
        assertThat(export.json().get("api_tokens").size()).isEqualTo(1);
        assertThat(export.body()).doesNotContainIgnoringCase("argon").doesNotContainIgnoringCase("password")
                .doesNotContainIgnoringCase("hash").doesNotContain("/feeds/");
    }

    @Test
    void theAccountExportHoldsWorkingHoursTimeOffAndEveryBusyCalendarChoiceWithItsBusyTimes() {
        ApiClient api = newTrainer();
        UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        api.put("/api/v1/availability/hours", """
                {"weekly":{"TU":[{"from":"06:00","to":"12:00"},{"from":"15:00","to":"19:00"}]},"buffer_minutes":15,
                 "busy_shows_provider":true}""");
        String leave = api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Comrades Marathon"}""".formatted(at(20), at(22)))
                .json().get("id").stringValue();
        // a calendar as a refresh remembers it (the reading itself is BusyCalendarsIT's), then marked not busy
        UUID calendar = UUID.randomUUID();
        jdbc.sql("INSERT INTO busy_calendars (id, trainer_id, provider, external_id, name, busy, last_read) "
                        + "VALUES (?, ?, 'apple', 'https://caldav.example/personal/', 'Personal', TRUE, NOW())")
                .params(calendar, trainerId).update();
        OffsetDateTime dentist = OffsetDateTime.parse(at(4));
        jdbc.sql("INSERT INTO busy_intervals (calendar_id, trainer_id, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                .params(calendar, trainerId, java.sql.Timestamp.from(dentist.toInstant()),
                        java.sql.Timestamp.from(dentist.plusHours(1).toInstant()))
                .update();
        assertThat(api.patch("/api/v1/calendar-sync/calendars/" + calendar, "{\"busy\":false}").status())
                .isEqualTo(200);

        var availability = api.get("/api/v1/me/export").json().get("availability");

        assertThat(availability.get("working_hours").get("weekly").get("TU").findValuesAsString("to"))
                .containsExactly("12:00", "19:00");
        assertThat(availability.get("working_hours").get("buffer_minutes").intValue()).isEqualTo(15);
        assertThat(availability.get("working_hours").get("busy_shows_provider").booleanValue()).isTrue();
        assertThat(availability.get("time_off").findValuesAsString("id")).containsExactly(leave);
        assertThat(availability.get("time_off").get(0).get("label").stringValue()).isEqualTo("Comrades Marathon");
        assertThat(availability.get("busy_calendars")).hasSize(1);
        assertThat(availability.get("busy_calendars").get(0).get("name").stringValue()).isEqualTo("Personal");
        assertThat(availability.get("busy_calendars").get(0).get("busy").booleanValue()).isFalse();
        assertThat(availability.get("busy_times")).hasSize(1);
        assertThat(OffsetDateTime.parse(availability.get("busy_times").get(0).get("starts_at").stringValue())
                .toInstant()).isEqualTo(dentist.toInstant());
        // another trainer's export holds none of it
        assertThat(newTrainer().get("/api/v1/me/export").json().get("availability").get("busy_calendars")).isEmpty();
    }

    @Test
    void deletingTheAccountNeedsThePasswordThenEndsAccessAndRemovesAllData() throws Exception {
        ApiClient api = newTrainer();
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        String email = api.get("/api/v1/me").json().get("email").stringValue();
        String client = api.createClient("Sizwe", "Buthelezi", "sizwe@example.com");
        booking(api, client, 3);
        String feed = api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();

        var wrong = api.send("DELETE", "/api/v1/me", """
                {"password":"not my password"}""");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me").status()).as("nothing changed").isEqualTo(200);

        var deleted = api.send("DELETE", "/api/v1/me", """
                {"password":"correct horse battery"}""");
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(fetchStatus(feed)).isEqualTo(404);
        assertThat(anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"correct horse battery"}""".formatted(email)).status()).isEqualTo(401);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM trainers WHERE id = ?) + (SELECT count(*) FROM clients WHERE trainer_id = ?)
                     + (SELECT count(*) FROM bookings WHERE trainer_id = ?)""")
                .params(UUID.fromString(trainerId), UUID.fromString(trainerId), UUID.fromString(trainerId))
                .query(Long.class).single()).isZero());
        // the address is free again
        assertThat(anonymous().post("/api/v1/trainers", """
                {"name":"Again","email":"%s","password":"correct horse battery"}""".formatted(email)).status())
                .isEqualTo(201);
    }

    private String fetchFeed(String url) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + url.substring(url.indexOf("/feeds/")))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private int fetchStatus(String url) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + url.substring(url.indexOf("/feeds/")))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

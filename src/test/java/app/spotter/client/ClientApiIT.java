package app.spotter.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientApiIT extends SpotterIT {

    private ApiClient api;

    @BeforeEach
    void trainer() {
        api = newTrainer();
    }

    @Test
    void aClientIsAddedListedEditedAndDeleted() {
        var created = api.post("/api/v1/clients", """
                {"first_name":"Zanele","last_name":"Mokoena","email":"zanele@example.com","phone":"+27 82 123 4567",
                 "consent_given":true}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(created.json().get("consent_given_at").isNull()).isFalse();

        assertThat(api.get("/api/v1/clients").json().findValuesAsString("id")).containsExactly(id);

        var edited = api.patch("/api/v1/clients/" + id, "{\"last_name\":\"Mokoena-Smith\",\"phone\":null}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("last_name").stringValue()).isEqualTo("Mokoena-Smith");
        assertThat(edited.json().get("first_name").stringValue()).isEqualTo("Zanele");
        assertThat(edited.json().get("phone").isNull()).isTrue();

        assertThat(api.delete("/api/v1/clients/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/clients").json()).isEmpty();
    }

    @Test
    void aClientWithScheduledSessionsCannotBeDeleted() {
        String id = api.createClient("Ama", "Nkosi", null);
        api.createBooking(id, java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusDays(10)
                + "T09:00:00+02:00", 60);
        var r = api.delete("/api/v1/clients/" + id);
        assertThat(r.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/clients/" + id).status()).isEqualTo(200);
    }

    @Test
    void missingNamesAndABadEmailAreRefusedNamingTheFields() {
        var r = api.post("/api/v1/clients", "{\"email\":\"not-an-email\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("first_name", "last_name", "email");
        assertThat(api.get("/api/v1/clients").json()).isEmpty();
    }

    @Test
    void searchFindsClientsByAnyPartOfNameEmailOrPhoneAndTakesWildcardsLiterally() {
        String zanele = api.createClient("Zanele", "Mokoena", "zm@example.com");
        String pieter = api.createClient("Pieter", "van Wyk", "pieter@wyk.example");
        String percent = api.createClient("Ann", "100%", null);
        api.patch("/api/v1/clients/" + pieter, "{\"phone\":\"+27 83 555 0101\"}");

        assertThat(api.get("/api/v1/clients?q=mOkO").json().findValuesAsString("id")).containsExactly(zanele);
        assertThat(api.get("/api/v1/clients?q=ter%20van").json().findValuesAsString("id")).containsExactly(pieter);
        assertThat(api.get("/api/v1/clients?q=wyk.example").json().findValuesAsString("id"))
                .containsExactly(pieter);
        assertThat(api.get("/api/v1/clients?q=555").json().findValuesAsString("id")).containsExactly(pieter);
        assertThat(api.get("/api/v1/clients?q=%25").json().findValuesAsString("id")).as("a literal %")
                .containsExactly(percent);
        assertThat(api.get("/api/v1/clients?q=nobody").json()).isEmpty();
        assertThat(newTrainer().get("/api/v1/clients?q=Zanele").json()).as("another trainer's clients").isEmpty();
    }

    @Test
    void privateNotesAreTheTrainersOnlyAndNeverReachTheFeed() throws Exception {
        String id = api.createClient("Palesa", "Nkosi", "palesa@example.com");
        assertThat(api.get("/api/v1/clients/" + id + "/notes").json().get("notes").isNull()).isTrue();
        assertThat(api.put("/api/v1/clients/" + id + "/notes", "{\"notes\":\"Type 1 diabetes; knee op 2024\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + id + "/notes").json().get("notes").stringValue())
                .isEqualTo("Type 1 diabetes; knee op 2024");
        assertThat(api.get("/api/v1/clients/" + id).body()).doesNotContain("diabetes");
        assertThat(newTrainer().get("/api/v1/clients/" + id + "/notes").status()).isEqualTo(404);

        api.createBooking(id, java.time.LocalDate.now().plusDays(3) + "T09:00:00+02:00", 60);
        String feed = api.get("/api/v1/calendar-sync/feed").json().get("url").stringValue();
        var http = java.net.http.HttpClient.newHttpClient();
        String ics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + feed.substring(feed.indexOf("/feeds/")))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ics).contains("Palesa Nkosi").doesNotContain("diabetes").doesNotContain("knee");

        assertThat(api.put("/api/v1/clients/" + id + "/notes", "{\"notes\":null}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + id + "/notes").json().get("notes").isNull()).isTrue();
    }
}

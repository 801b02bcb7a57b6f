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
        api.createBooking(id, "2026-12-01T09:00:00+02:00", 60);
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
}

package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainerApiIT extends SpotterIT {

    private String email() {
        return "t-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aTrainerSignsUpGetsATokenAndSeesThemselves() {
        String email = email();
        var created = anonymous().post("/api/v1/trainers", """
                {"name":"Sipho","email":"%s","password":"a-much-better-passphrase","timezone":"Europe/London"}""".formatted(email));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("timezone").stringValue()).isEqualTo("Europe/London");
        assertThat(created.body()).doesNotContain("password");

        var token = anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"a-much-better-passphrase"}""".formatted(email.toUpperCase()));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.json().get("trainer_id").stringValue()).isEqualTo(created.json().get("id").stringValue());
        // 256 random bits, URL-safe base64
        assertThat(token.json().get("token").stringValue()).hasSizeGreaterThanOrEqualTo(43);

        var me = new ApiClient(port, token.json().get("token").stringValue()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").stringValue()).isEqualTo(email);
    }

    @Test
    void theDefaultZoneIsJohannesburg() {
        var created = anonymous().post("/api/v1/trainers", """
                {"name":"Lerato","email":"%s","password":"a-much-better-passphrase"}""".formatted(email()));
        assertThat(created.json().get("timezone").stringValue()).isEqualTo("Africa/Johannesburg");
    }

    @Test
    void aSecondSignUpWithTheSameEmailIsAConflict() {
        String email = email();
        String body = """
                {"name":"A","email":"%s","password":"a-much-better-passphrase"}""".formatted(email);
        assertThat(anonymous().post("/api/v1/trainers", body).status()).isEqualTo(201);
        var again = anonymous().post("/api/v1/trainers", body.replace(email, email.toUpperCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aShortPasswordAndABadZoneAreRefusedNamingEachField() {
        var r = anonymous().post("/api/v1/trainers", """
                {"name":"A","email":"%s","password":"short","timezone":"Mars/Olympus"}""".formatted(email()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("password", "timezone");
    }

    @Test
    void wrongCredentialsGet401() {
        String email = email();
        anonymous().post("/api/v1/trainers", """
                {"name":"A","email":"%s","password":"a-much-better-passphrase"}""".formatted(email));
        var wrong = anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"not the password"}""".formatted(email));
        assertThat(wrong.status()).isEqualTo(401);
        var unknown = anonymous().post("/api/v1/auth/tokens", """
                {"email":"nobody-%s","password":"a-much-better-passphrase"}""".formatted(email));
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void aMissingOrBadTokenGets401AsAProblem() {
        var missing = anonymous().get("/api/v1/me");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().as("not-a-real-token").get("/api/v1/clients").status()).isEqualTo(401);
    }
}

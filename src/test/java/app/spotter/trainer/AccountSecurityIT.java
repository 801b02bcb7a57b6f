package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.FormBrowser;
import app.spotter.support.SpotterIT;
import static app.spotter.support.FormBrowser.cookie;
import static app.spotter.support.FormBrowser.csrf;
import static app.spotter.support.FormBrowser.enc;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Login throttling, password rules, API tokens and password change, as a client of the HTTP API sees them. */
class AccountSecurityIT extends SpotterIT {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;

    private String signUp() {
        String email = "acct-" + UUID.randomUUID() + "@example.com";
        var created = anonymous().post("/api/v1/trainers", """
                {"name":"Zanele Mokoena","email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        return email;
    }

    private static String login(String email, String password) {
        return """
                {"email":"%s","password":"%s"}""".formatted(email, password);
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void twoHundredWrongPasswordsAreSlowedDownAndTheRealTrainerGetsInAfterTheWait() throws Exception {
        String email = signUp();
        ApiClient attacker = anonymous().from("203.0.113.7");
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            var r = attacker.post("/api/v1/auth/tokens", login(email, "wrong password " + i));
            if (r.status() == 401) {
                unauthorized++;
            } else {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
                throttled++;
            }
        }
        // five free tries, then each check only after a doubling wait: a handful of checks, not 200
        assertThat(unauthorized).isBetween(5, 12);
        assertThat(throttled).isEqualTo(200 - unauthorized);

        // the right password from the trainer's own address must wait too (the account is throttled), but only
        // as long as Retry-After says, which is capped
        ApiClient trainer = anonymous().from("198.51.100.20");
        var early = trainer.post("/api/v1/auth/tokens", login(email, PASSWORD));
        if (early.status() == 429) {
            long wait = Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow());
            assertThat(wait).isLessThanOrEqualTo(30);
            Thread.sleep(wait * 1000 + 100);
        } else {
            assertThat(early.status()).isEqualTo(201);
        }
        assertThat(trainer.post("/api/v1/auth/tokens", login(email, PASSWORD)).status()).isEqualTo(201);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() {
        ApiClient sprayer = anonymous().from("203.0.113.99");
        int firstThrottled = -1;
        for (int i = 0; i < 60 && firstThrottled < 0; i++) {
            var r = sprayer.post("/api/v1/auth/tokens", login("nobody-" + UUID.randomUUID() + "@example.com",
                    "Summer2026!"));
            if (r.status() == 429) {
                firstThrottled = i;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        assertThat(firstThrottled).isEqualTo(LoginThrottle.ADDRESS.freeFailures());
        // another address is not affected
        String email = signUp();
        assertThat(anonymous().from(address()).post("/api/v1/auth/tokens", login(email, PASSWORD)).status())
                .isEqualTo(201);
    }

    @Test
    void aGuessablePasswordIsRefusedWithTheReasonNextToTheField() {
        var r = anonymous().post("/api/v1/trainers", """
                {"name":"A","email":"weak-%s@example.com","password":"aaaaaaaaaa"}""".formatted(UUID.randomUUID()));
        assertThat(r.status()).isEqualTo(400);
        var error = r.json().get("errors").get(0);
        assertThat(error.get("field").stringValue()).isEqualTo("password");
        assertThat(error.get("message").stringValue()).contains("too easy to guess").contains("Repeats");

        var common = anonymous().post("/api/v1/trainers", """
                {"name":"A","email":"weak-%s@example.com","password":"password123"}""".formatted(UUID.randomUUID()));
        assertThat(common.json().get("errors").get(0).get("message").stringValue()).contains("common password");
    }

    @Test
    void tokensAreNamedListedWithoutSecretsAndRevoked() {
        String email = signUp();
        var issued = anonymous().from(address()).post("/api/v1/auth/tokens", """
                {"email":"%s","password":"%s","name":"Booking widget"}""".formatted(email, PASSWORD));
        assertThat(issued.status()).isEqualTo(201);
        String widget = issued.json().get("token").stringValue();
        ApiClient other = ApiClient.newTrainer(port, "Africa/Johannesburg");
        String second = anonymous().from(address()).post("/api/v1/auth/tokens", login(email, PASSWORD)).json()
                .get("token").stringValue();
        ApiClient api = new ApiClient(port, second);

        var list = api.get("/api/v1/auth/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().findValuesAsString("name")).contains("Booking widget");
        assertThat(list.json().get(0).has("expires_at")).isTrue();
        assertThat(list.json().get(0).has("last_used_at")).isTrue();
        assertThat(list.body()).doesNotContain(widget).doesNotContain(second).doesNotContainIgnoringCase("hash");

        String widgetId = null;
        for (var t : list.json()) {
            if ("Booking widget".equals(t.get("name").stringValue())) {
                widgetId = t.get("id").stringValue();
            }
        }
        // another trainer cannot revoke it
        assertThat(other.delete("/api/v1/auth/tokens/" + widgetId).status()).isEqualTo(404);
        assertThat(api.as(widget).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/tokens/" + widgetId).status()).isEqualTo(204);
        assertThat(api.as(widget).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/tokens").json().size()).isEqualTo(1);
    }

    @Test
    void aTokenUnusedForNinetyDaysHasExpired() {
        String email = signUp();
        String token = anonymous().from(address()).post("/api/v1/auth/tokens", login(email, PASSWORD)).json()
                .get("token").stringValue();
        ApiClient api = new ApiClient(port, token);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        jdbc.sql("""
                UPDATE api_tokens SET created_at = NOW() - INTERVAL '200 days', last_used_at = NOW() - INTERVAL '91 days'
                WHERE trainer_id = (SELECT id FROM trainers WHERE email = ?)""").param(email).update();
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsEveryOtherTokenAndBrowserSession() throws Exception {
        String email = signUp();
        String address = address();
        String kept = anonymous().from(address).post("/api/v1/auth/tokens", login(email, PASSWORD)).json()
                .get("token").stringValue();
        String other = anonymous().from(address).post("/api/v1/auth/tokens", login(email, PASSWORD)).json()
                .get("token").stringValue();
        String session = browserLogin(email, PASSWORD);
        assertThat(new FormBrowser(port).get("/app/calendar", session).statusCode()).isEqualTo(200);
        ApiClient api = new ApiClient(port, kept).from(address);

        var wrongCurrent = api.post("/api/v1/me/password", """
                {"current_password":"not it at all","new_password":"a-much-better-passphrase"}""");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("errors").findValuesAsString("field")).containsExactly("current_password");
        var weak = api.post("/api/v1/me/password", """
                {"current_password":"%s","new_password":"password123"}""".formatted(PASSWORD));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").findValuesAsString("field")).containsExactly("new_password");
        assertThat(api.as(other).get("/api/v1/me").status()).as("nothing changed yet").isEqualTo(200);

        var changed = api.post("/api/v1/me/password", """
                {"current_password":"%s","new_password":"a-much-better-passphrase"}""".formatted(PASSWORD));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").status()).as("the token it was made with").isEqualTo(200);
        assertThat(api.as(other).get("/api/v1/me").status()).isEqualTo(401);
        HttpResponse<String> afterChange = new FormBrowser(port).get("/app/calendar", session);
        assertThat(afterChange.statusCode()).isEqualTo(302);
        assertThat(afterChange.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous().from(address).post("/api/v1/auth/tokens", login(email, PASSWORD)).status())
                .isEqualTo(401);
        assertThat(anonymous().from(address).post("/api/v1/auth/tokens",
                login(email, "a-much-better-passphrase")).status()).isEqualTo(201);
    }

    @Test
    void theWebLoginFormIsThrottledWith429AndRetryAfter() throws Exception {
        String email = signUp();
        int throttledAt = -1;
        for (int i = 0; i < 12 && throttledAt < 0; i++) {
            HttpResponse<String> page = new FormBrowser(port).get("/login", null);
            HttpResponse<String> r = new FormBrowser(port).post("/login", cookie(page), "email=" + enc(email)
                    + "&password=" + enc("wrong " + i) + "&_csrf=" + enc(csrf(page.body())), randomAddress());
            if (r.statusCode() == 429) {
                throttledAt = i;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(r.body()).contains("Too many failed logins");
            } else {
                assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            }
        }
        assertThat(throttledAt).isBetween(LoginThrottle.ACCOUNT.freeFailures(), 11);
    }

    @Test
    void withoutSmtpTheForgotPasswordPageSaysToAskTheOperator() throws Exception {
        HttpResponse<String> page = new FormBrowser(port).get("/forgot-password", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cannot send email").contains("operator").doesNotContain("Email me a link");
    }

    @Test
    void theAccountPageChangesThePasswordAndListsAndRevokesTokensWithoutShowingTheirSecrets() throws Exception {
        String email = signUp();
        String address = address();
        var issued = anonymous().from(address).post("/api/v1/auth/tokens", """
                {"email":"%s","password":"%s","name":"Phone app"}""".formatted(email, PASSWORD)).json();
        String secret = issued.get("token").stringValue();
        String session = browserLogin(email, PASSWORD);
        FormBrowser browser = new FormBrowser(port);

        HttpResponse<String> page = browser.get("/app/account", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Phone app", "Revoke", email).doesNotContain(secret);

        HttpResponse<String> wrong = browser.post("/app/account/password", session, "current_password="
                + enc("not it") + "&new_password=" + enc("a-much-better-passphrase") + "&_csrf=" + enc(csrf(page.body())));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("current_password-error").contains("is not your current password");
        HttpResponse<String> weak = browser.post("/app/account/password", session, "current_password="
                + enc(PASSWORD) + "&new_password=" + enc("password123") + "&_csrf=" + enc(csrf(page.body())));
        assertThat(weak.body()).contains("new_password-error");
        assertThat(new ApiClient(port, secret).get("/api/v1/me").status()).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> changed = browser.post("/app/account/password", session, "current_password="
                + enc(PASSWORD) + "&new_password=" + enc("a-much-better-passphrase") + "&_csrf=" + enc(csrf(page.body())));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(new ApiClient(port, secret).get("/api/v1/me").status()).as("other tokens end").isEqualTo(401);
        HttpResponse<String> after = browser.get("/app/account", session);
        assertThat(after.statusCode()).as("the page's own session stays").isEqualTo(200);
        assertThat(after.body()).contains("Password changed");

        String next = anonymous().from(address).post("/api/v1/auth/tokens", """
                {"email":"%s","password":"a-much-better-passphrase","name":"Laptop"}""".formatted(email)).json()
                .get("token").stringValue();
        HttpResponse<String> listed = browser.get("/app/account", session);
        String id = new ApiClient(port, next).get("/api/v1/auth/tokens").json().valueStream()
                .filter(t -> "Laptop".equals(t.get("name").stringValue())).findFirst().orElseThrow()
                .get("id").stringValue();
        HttpResponse<String> revoked = browser.post("/app/account/tokens/" + id + "/revoke", session,
                "_csrf=" + enc(csrf(listed.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(new ApiClient(port, next).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theAccountPageDownloadsTheTrainersDataWithoutSecrets() throws Exception {
        String email = signUp();
        String session = browserLogin(email, PASSWORD);

        HttpResponse<String> export = new FormBrowser(port).get("/app/account/export", session);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(export.body()).contains(email, "Zanele Mokoena").doesNotContain("argon2", "password_hash");
    }

    @Test
    void deletingTheAccountInTheBrowserAsksForThePasswordThenEndsTheSessionAndEveryLogin() throws Exception {
        String email = signUp();
        String session = browserLogin(email, PASSWORD);
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> page = browser.get("/app/account", session);

        HttpResponse<String> wrong = browser.post("/app/account/delete", session,
                "password=" + enc("not my password") + "&_csrf=" + enc(csrf(page.body())));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("password-error").contains("is not your password");
        assertThat(browser.get("/app/calendar", session).statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> deleted = browser.post("/app/account/delete", session,
                "password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf(page.body())));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/login?deleted");
        assertThat(browser.get("/app/calendar", session).statusCode()).isEqualTo(302);
        assertThat(anonymous().from(address()).post("/api/v1/auth/tokens", login(email, PASSWORD)).status())
                .isEqualTo(401);
    }

    private String browserLogin(String email, String password) throws Exception {
        HttpResponse<String> page = new FormBrowser(port).get("/login", null);
        HttpResponse<String> login = new FormBrowser(port).post("/login", cookie(page), "email=" + enc(email)
                + "&password=" + enc(password) + "&_csrf=" + enc(csrf(page.body())), randomAddress());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return cookie(login);
    }


    /** Each browser request from its own documentation address, so one test's logins never throttle another's. */
    private static String randomAddress() {
        return "192.0.2." + (1 + (int) (Math.random() * 250));
    }
}

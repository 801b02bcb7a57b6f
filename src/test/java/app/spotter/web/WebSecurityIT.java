package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.FormBrowser;
import app.spotter.support.SpotterIT;
import static app.spotter.support.FormBrowser.cookie;
import static app.spotter.support.FormBrowser.csrf;
import static app.spotter.support.FormBrowser.enc;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The browser session as a plain HTTP client sees it: cookies, CSRF, fixation, and the API left stateless. */
class WebSecurityIT extends SpotterIT {


    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> calendar = browser().get("/app/calendar", null);
        assertThat(calendar.statusCode()).isEqualTo(302);
        assertThat(calendar.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser().get("/app/calendar/events", null).statusCode()).isEqualTo(302);
    }

    @Test
    void loggingInStartsANewSessionWithAnHttpOnlySameSiteLaxCookie() throws Exception {
        String email = newTrainerEmail();
        HttpResponse<String> loginPage = browser().get("/login", null);
        String before = cookie(loginPage);
        HttpResponse<String> login = browser().post("/login", before, "email=" + enc(email)
                + "&password=" + enc("correct horse battery") + "&_csrf=" + enc(csrf(loginPage.body())));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/app/calendar");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String after = cookie(login);
        assertThat(after).isNotEqualTo(before);
        assertThat(browser().get("/app/calendar", after).statusCode()).isEqualTo(200);
        assertThat(browser().get("/app/calendar", before).statusCode()).as("the pre-login session is worthless").isEqualTo(302);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String session = logIn(newTrainerEmail());
        HttpResponse<String> withoutToken = browser().post("/app/clients", session, "first_name=Eve&last_name=Forged");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(browser().get("/app/clients", session).body()).doesNotContain("Forged");

        HttpResponse<String> logout = browser().post("/logout", session, "");
        assertThat(logout.statusCode()).as("logout needs the token too").isEqualTo(403);
    }

    @Test
    void theJsonApiIgnoresTheBrowserSessionAndStillAnswers401ProblemJson() throws Exception {
        String session = logIn(newTrainerEmail());
        HttpResponse<String> me = browser().get("/api/v1/me", session);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aTrainerCannotOpenAnotherTrainersSessionOrClientInTheBrowser() throws Exception {
        var other = newTrainer();
        String client = other.createClient("Private", "Person", "private@example.com");
        String booking = other.createBooking(client, inEightWeeks() + "T09:00:00+02:00", 60);
        String session = logIn(newTrainerEmail());

        for (String path : List.of("/app/bookings/" + booking + "/edit", "/app/bookings/" + booking + "/cancel",
                "/app/clients/" + client + "/edit")) {
            HttpResponse<String> page = browser().get(path, session);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Private", "private@example.com");
        }
        HttpResponse<String> events = browser().get("/app/calendar/events?start=" + inEightWeeks().minusDays(10) + "T00:00:00&end="
                + inEightWeeks().plusDays(10) + "T00:00:00",
                session);
        assertThat(events.body()).isEqualTo("[]");
    }

    private String newTrainerEmail() {
        String email = "sec-" + UUID.randomUUID() + "@example.com";
        anonymous().post("/api/v1/trainers", """
                {"name":"Sec Trainer","email":"%s","password":"correct horse battery"}""".formatted(email));
        return email;
    }

    private String logIn(String email) throws Exception {
        HttpResponse<String> loginPage = browser().get("/login", null);
        HttpResponse<String> login = browser().post("/login", cookie(loginPage), "email=" + enc(email)
                + "&password=" + enc("correct horse battery") + "&_csrf=" + enc(csrf(loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    /** A day about two months ahead in Johannesburg: sessions booked on it stay in the future. */
    private static java.time.LocalDate inEightWeeks() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusWeeks(8);
    }

    private FormBrowser browser() {
        return new FormBrowser(port);
    }
}

package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A group session's clients chosen in the session form, and a client's page (consent, attendance, private notes,
 * archive, search), on a 375 px phone and a 1280 px screen.
 */
class WebGroupsIT extends BrowserIT {

    @ParameterizedTest
    @ValueSource(ints = {375, 1280})
    void aTrainerAddsAClientToAGroupAndMarksTheirAttendanceOnTheirPage(int width) {
        useScreen(width, 800);
        Trainer trainer = trainerViaApi();
        var api = trainer.api();
        String ann = api.post("/api/v1/clients", """
                {"first_name":"Annelize","last_name":"Botha","email":"ann@example.com","consent_given":true}""")
                .json().get("id").stringValue();
        String ben = api.createClient("Bongani", "Cele", "ben@example.com");
        String start = ZonedDateTime.now(ZoneId.of("Africa/Johannesburg")).truncatedTo(ChronoUnit.HOURS)
                .minusHours(3).toOffsetDateTime().toString();
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"session_type":"group"}"""
                .formatted(ann, start));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String booking = created.json().get("id").stringValue();
        logIn(trainer);

        // the session form: tick a second client
        page.navigate(url("/app/bookings/" + booking + "/edit"));
        Locator also = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Also in this session"));
        also.getByLabel("Bongani Cele").check();
        assertAccessible("the session form with its clients at " + width);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL(u -> u.contains("/app/calendar"));
        var ids = api.get("/api/v1/bookings/" + booking).json().get("client_ids");
        assertThat(ids.get(0).stringValue()).isEqualTo(ann);
        assertThat(ids.get(1).stringValue()).isEqualTo(ben);

        // the client's page: no consent yet, the group session, a mark
        page.navigate(url("/app/clients"));
        page.getByLabel("Search clients").fill("cele");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Annelize Botha"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bongani Cele").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bongani Cele")))
                .isVisible();
        assertThat(page.locator("[data-consent=missing]")).containsText("Not recorded");
        Locator session = page.locator("[data-booking='" + booking + "']");
        assertThat(session).containsText("Group session · 2/8");
        assertThat(session).not().containsText("Annelize");
        assertThat(session).containsText("Not marked");
        assertThat(horizontalOverflow()).as("no sideways scrolling at " + width).isLessThanOrEqualTo(0);
        assertAccessible("the client's page at " + width);
        session.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Attended")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Attendance saved.");
        assertThat(page.locator("[data-booking='" + booking + "'] .attendance")).hasText("Attended");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("This year")))
                .containsText("1");
        var participants = api.get("/api/v1/bookings/" + booking).json().get("participants");
        assertThat(participants.get(1).get("attendance").stringValue()).isEqualTo("attended");
        assertThat(participants.get(0).get("attendance").isNull()).as("Annelize is not marked").isTrue();

        // private notes, then archive and bring back
        page.getByLabel("Notes about this client").fill("Asthma: inhaler in bag");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notes")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Notes saved.");
        assertThat(api.get("/api/v1/clients/" + ben + "/notes").json().get("notes").stringValue())
                .isEqualTo("Asthma: inhaler in bag");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive client")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Bongani Cele was archived.");
        assertThat(api.get("/api/v1/clients").json().findValuesAsString("id")).containsExactly(ann);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bring back from archive")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Bongani Cele is back in your client list.");
        assertThat(api.get("/api/v1/clients").json().findValuesAsString("id")).contains(ben);
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }
}

package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The clients pages, and the settings form, in a real browser. */
class WebClientsIT extends BrowserIT {

    @Test
    void aTrainerAddsAClientAndThenEditsThem() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clients").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add client")).click();
        page.getByLabel("First name").fill("Lerato");
        page.getByLabel("Last name").fill("Mokoena");
        page.getByLabel("Email (optional)").fill("lerato@example.com");
        page.getByLabel("The client consents").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add client")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Lerato Mokoena was added.");
        Locator row = page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Lerato Mokoena"));
        assertThat(row).containsText("lerato@example.com");
        assertThat(row).containsText("Given");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit Lerato Mokoena")).click();
        page.getByLabel("Phone (optional)").fill("+27 82 123 4567");
        page.getByLabel("Email (optional)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save client")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Lerato Mokoena was saved.");
        var client = trainer.api().get("/api/v1/clients").json().get(0);
        assertThat(client.get("phone").stringValue()).isEqualTo("+27 82 123 4567");
        assertThat(client.get("email").isNull()).isTrue();
    }

    @Test
    void anInvalidClientIsExplainedNextToEachFieldAndWhatWasTypedStays() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/clients/new"));
        page.getByLabel("Email (optional)").fill("not-an-email");
        page.getByLabel("Phone (optional)").fill("+27 82 123 4567");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add client")).click();

        assertThat(page.locator("#first_name-error")).hasText("First name is required.");
        assertThat(page.locator("#last_name-error")).hasText("Last name is required.");
        assertThat(page.locator("#email-error")).hasText("Email must be an email address.");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct these 3 fields");
        assertThat(page.getByLabel("Email (optional)")).hasValue("not-an-email");
        assertThat(page.getByLabel("Phone (optional)")).hasValue("+27 82 123 4567");
        assertThat(trainer.api().get("/api/v1/clients").json().size()).isZero();
    }

    @Test
    void settingsAreSavedAndAnInvalidColourIsRefusedNextToItsField() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByLabel("Calendar opens on").selectOption("list");
        page.getByLabel("Sync frequency").selectOption("hourly");
        page.getByLabel("Group session", new Page.GetByLabelOptions().setExact(true)).fill("#00AA55");
        page.getByLabel("Assessment", new Page.GetByLabelOptions().setExact(true)).fill("pink");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();

        assertThat(page.locator("#session_colors\\.assessment-error"))
                .hasText("Assessment colour must be a colour like #1E90FF.");
        assertThat(page.getByLabel("Group session", new Page.GetByLabelOptions().setExact(true))).hasValue("#00AA55");
        assertThat(page.getByLabel("Calendar opens on")).hasValue("list");
        assertThat(trainer.api().get("/api/v1/calendar-sync/preferences").json().get("sync_frequency")
                .stringValue()).isEqualTo("realtime");

        page.getByLabel("Assessment", new Page.GetByLabelOptions().setExact(true)).fill("#E91E63");
        page.getByLabel("Display time zone").fill("Europe/London");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Settings saved.");
        var prefs = trainer.api().get("/api/v1/calendar-sync/preferences").json();
        assertThat(prefs.get("calendar_view_default").stringValue()).isEqualTo("list");
        assertThat(prefs.get("sync_frequency").stringValue()).isEqualTo("hourly");
        assertThat(prefs.get("session_colors").get("group").stringValue()).isEqualTo("#00AA55");
        assertThat(prefs.get("timezone_display").stringValue()).isEqualTo("Europe/London");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calendar").setExact(true)).click();
        assertThat(page.locator(".fc-listWeek-view")).isVisible();
        assertThat(page.getByText("Times in Europe/London")).isVisible();
    }
}

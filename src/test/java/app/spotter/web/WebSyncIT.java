package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.spotter.sync.caldav.RadicaleServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connecting calendars from the browser, against a real Radicale started by the test. */
class WebSyncIT extends BrowserIT {

    private static RadicaleServer radicale;

    @BeforeAll
    static void startRadicale() {
        radicale = RadicaleServer.start();
    }

    @AfterAll
    static void stopRadicale() {
        if (radicale != null) {
            radicale.close();
        }
    }

    @Test
    void connectingAppleToARealCalDavServerTurnsTheStatusOkAndMirrorsTheSessions() {
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, "2030-03-05T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/sync"));
        Locator apple = page.locator("#status-apple");
        assertThat(apple.locator("[data-status]")).hasText("Not connected");

        fillAppleForm(radicale.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect Apple Calendar")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Apple Calendar connected");
        assertThat(apple.locator("[data-status]")).hasText("OK: in step");
        // connecting pushes every session at once; the panel refreshes itself every 10 s
        assertThat(apple.locator("[data-events-synced]")).hasText("1",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        apple.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Sync Apple Calendar (iCloud or CalDAV) now")).click();
        assertThat(apple.getByRole(AriaRole.STATUS)).hasText("Sync started.");
        assertThat(apple.locator("[data-status]")).hasText("OK: in step");
        assertThat(apple.locator("[data-events-synced]")).hasText("1");
        assertThat(apple).containsText("just now");
        assertThat(apple.locator("time")).hasAttribute("datetime", java.util.regex.Pattern.compile("^\\d{4}-.*Z$"));
        screenshot("sync-apple-connected");
    }

    @Test
    void aRefusedAppPasswordIsExplainedNextToItAndTheOtherFieldsStay() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/sync"));

        fillAppleForm("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect Apple Calendar")).click();

        assertThat(page.locator("#app_password-error")).isVisible();
        assertThat(page.getByLabel("App-specific password")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("App-specific password")).hasValue("");
        assertThat(page.getByLabel("Apple ID")).hasValue(radicale.username());
        assertThat(page.getByLabel("Server")).hasValue(radicale.baseUrl().toString());
        assertThat(page.locator("#status-apple [data-status]")).hasText("Not connected");
    }

    private void fillAppleForm(String password) {
        page.getByLabel("Apple ID").fill(radicale.username());
        page.getByLabel("App-specific password").fill(password);
        page.getByText("Another CalDAV server, or another calendar name").click();
        page.getByLabel("Server").fill(radicale.baseUrl().toString());
        page.getByLabel("Calendar name").fill("Spotter");
    }

    @Test
    void theFeedAddressCanBeCopiedAndRotatedAndTheOldOneStopsWorking() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/sync"));
        String old = page.locator("#feed-url").inputValue();
        org.assertj.core.api.Assertions.assertThat(old).matches(".*/feeds/[A-Za-z0-9_-]{22,}\\.ics");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy address")).click();
        assertThat(page.locator("#feed-url-status")).not().isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a new address")).click();
        String fresh = page.locator("#feed-url").inputValue();
        org.assertj.core.api.Assertions.assertThat(fresh).isNotEqualTo(old);
        org.assertj.core.api.Assertions.assertThat(feedStatus(old)).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(feedStatus(fresh)).isEqualTo(200);
    }

    private int feedStatus(String feedUrl) {
        String path = java.net.URI.create(feedUrl).getRawPath();
        return trainerViaApi().api().as(null).get(path).status();
    }
}

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

    @org.springframework.beans.factory.annotation.Autowired
    app.spotter.sync.engine.CalendarSync sync;

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
        trainer.api().createBooking(client, inEightWeeks() + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/sync"));
        Locator apple = page.locator("#status-apple");
        assertThat(apple.locator("[data-status]")).hasText("Not connected");

        fillAppleForm(radicale.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect Apple Calendar")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Apple Calendar connected");
        assertThat(apple.locator("[data-status]")).hasText(java.util.regex.Pattern.compile("Not synced yet|In step"));
        // connecting pushes every session at once; the panel refreshes itself every 10 s
        assertThat(apple.locator("[data-events-synced]")).hasText("1",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        apple.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Sync now: Apple Calendar (iCloud or CalDAV)")).click();
        assertThat(apple.locator("[data-progress]")).hasText("Synced: Apple Calendar (iCloud or CalDAV) is in step (1 event).");
        assertThat(apple.locator("[data-status]")).hasText("In step");
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
        page.getByText("Make a new address…").click();
        assertThat(page.locator("#rotate-effect")).containsText("every calendar subscribed to it stops updating");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, make a new address")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your feed has a new address");
        String fresh = page.locator("#feed-url").inputValue();
        org.assertj.core.api.Assertions.assertThat(fresh).isNotEqualTo(old);
        org.assertj.core.api.Assertions.assertThat(feedStatus(old)).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(feedStatus(fresh)).isEqualTo(200);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} px")
    @org.junit.jupiter.params.provider.ValueSource(ints = {375, 1280})
    void theSyncPageTellsTheTruthFromConnectingToFailingAndTheCalendarPageWarns(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, java.time.LocalDate.now().plusDays(2) + "T09:00:00+02:00", 60);
        RadicaleServer doomed = RadicaleServer.start();
        try {
            logIn(trainer);
            page.navigate(url("/app/sync"));
            page.getByLabel("Apple ID").fill(doomed.username());
            page.getByLabel("App-specific password").fill(doomed.password());
            page.getByText("Another CalDAV server, or another calendar name").click();
            page.getByLabel("Server").fill(doomed.baseUrl().toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect Apple Calendar")).click();

            Locator apple = page.locator("#status-apple");
            // never "OK" before anything was synced
            assertThat(apple.locator("[data-status]")).hasText(java.util.regex.Pattern.compile("Not synced yet|In step"));
            assertThat(apple.locator("[data-events-synced]")).hasText("1",
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(apple.locator("[data-status]")).hasText("In step");
            assertThat(apple.locator("[data-account='Server']")).hasText(doomed.baseUrl().toString());
            assertThat(apple.locator("[data-account='User']")).hasText(doomed.username());
            Locator disconnect = page.locator("form.disconnect");
            assertThat(disconnect).containsText("User: " + doomed.username());
            assertThat(disconnect).containsText("Server: " + doomed.baseUrl());
            assertThat(page.locator("body")).not().containsText(doomed.password());
            assertAccessible("sync page connected, " + width);

            doomed.close();
            apple.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Sync now: Apple Calendar (iCloud or CalDAV)")).click();
            assertThat(apple.locator("[data-status]")).hasText("Syncing…");
            Locator outcome = apple.locator("[data-progress]");
            assertThat(outcome).containsText("Tried again: still failing.");
            assertThat(outcome).hasAttribute("role", "alert");
            assertThat(apple.locator("[data-status]")).hasText("Failing");
            assertThat(apple.locator("[data-failing]")).containsText("Not in step since");
            assertThat(apple.locator("[data-failing]")).containsText("Why:");
            assertThat(apple.locator("[data-failing]")).containsText("What to do:");
            assertThat(apple.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Try again now: Apple Calendar (iCloud or CalDAV)"))).isVisible();
            screenshot("sync-failing-" + width);
            assertAccessible("sync page failing, " + width);

            page.navigate(url("/app/calendar"));
            Locator banner = page.locator(".sync-banner");
            assertThat(banner).containsText("Apple Calendar (iCloud or CalDAV) is not in step.");
            assertThat(banner.getByRole(AriaRole.LINK)).hasAttribute("href", "/app/sync");
            screenshot("calendar-sync-banner-" + width);
            assertAccessible("calendar with banner, " + width);
        } finally {
            doomed.close();
        }
    }

    /**
     * This test server has no SMTP: the page says so in the API's words and offers no form, instead of storing a
     * connection that could only retry. A connection made while mail was set up still shows its saved address.
     */
    @org.junit.jupiter.api.Test
    void withoutAMailServerTheEmailSectionSaysSoAndOffersNoForm() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/sync"));
        assertThat(page.locator("#email-unavailable")).containsText("no SMTP server configured");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save email settings")))
                .hasCount(0);
        assertThat(page.locator("#status-email")).containsText("Email sending is not set up on this Spotter server");
        assertThat(page.locator("#status-email [data-status]")).hasText("Not connected");
        String detail = trainer.api().put("/api/v1/calendar-sync/connections/email",
                "{\"send_to_clients\":true}").json().get("detail").stringValue();
        assertThat(page.locator("#email-unavailable")).hasText(detail);

        java.util.UUID id = java.util.UUID.fromString(trainer.api().get("/api/v1/me").json().get("id").stringValue());
        sync.connected(new app.spotter.sync.Connection(id, app.spotter.sync.Provider.EMAIL,
                java.util.Map.of("trainer_address", "thandi@example.com", "send_to_clients", "true"), null));
        page.reload();
        assertThat(page.locator("#status-email [data-account='Your copy to']")).hasText("thandi@example.com");
    }

    @org.junit.jupiter.api.Test
    void theAppleFormWithoutAServerUrlNeverPromisesARetry() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/sync"));
        page.getByLabel("Apple ID").fill("someone@example.com");
        page.getByLabel("App-specific password").fill("abcd-efgh-ijkl-mnop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect Apple Calendar")).click();

        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(summary).not().containsText("retry");
        assertThat(summary).not().containsText("in a moment");
        assertThat(page.locator("#status-apple [data-status]")).hasText("Not connected");
    }

    @org.junit.jupiter.api.Test
    void rotatingTheFeedWithoutConfirmingChangesNothing() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/sync"));
        String old = page.locator("#feed-url").inputValue();
        var response = page.request().post(url("/app/sync/feed/rotate"), com.microsoft.playwright.options.RequestOptions
                .create().setHeader(page.locator("meta[name=csrf-header]").getAttribute("content"),
                        page.locator("meta[name=csrf-token]").getAttribute("content")));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        page.reload();
        assertThat(page.locator("#feed-url")).hasValue(old);
        org.assertj.core.api.Assertions.assertThat(feedStatus(old)).isEqualTo(200);
    }

    private int feedStatus(String feedUrl) {
        String path = java.net.URI.create(feedUrl).getRawPath();
        return trainerViaApi().api().as(null).get(path).status();
    }

    /** A day about two months ahead in Johannesburg: sessions booked on it stay in the future. */
    private static java.time.LocalDate inEightWeeks() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusWeeks(8);
    }
}

package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The smaller things a trainer meets every day, at 375 px and 1280 px: every page passes axe-core, the clients page
 * fits a phone, the booking dialog's button stays in view, a past time is pointed out, a wrong password keeps the
 * email, time zones by friendly name, dark mode, and the installable app with its offline page.
 */
class WebEverydayIT extends BrowserIT {

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void everyPageAndDialogPassesAxeWithoutASeriousFinding(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        page.navigate(url("/login"));
        assertAccessible("login, " + width);
        page.navigate(url("/signup"));
        assertAccessible("signup, " + width);
        page.navigate(url("/offline.html"));
        assertAccessible("offline page, " + width);
        Trainer trainer = trainerViaApi();
        trainer.api().createClient("Sipho", "Ndlovu", "sipho@example.com");
        logIn(trainer);
        for (String path : new String[] {"/app/calendar", "/app/clients", "/app/clients/new", "/app/settings",
                "/app/sync", "/app/bookings/new", "/app/bookings/" + java.util.UUID.randomUUID() + "/edit"}) {
            page.navigate(url(path));
            page.locator("main h1").first().waitFor();
            assertAccessible(path + ", " + width);
            screenshot("page" + (path.contains("/edit") ? "-not-found" : path.replace('/', '-')) + "-" + width);
        }
        // the not-found page is meant to answer 404, which Chromium logs as a failed resource
        consoleErrors.removeIf(e -> e.contains("404"));
        page.navigate(url("/app/calendar"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New session")).click();
        assertThat(page.locator("#session-dialog").getByRole(AriaRole.HEADING)).hasText("Book a session");
        assertAccessible("booking dialog, " + width);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void theClientsPageFitsTheScreenWithEditInReach(int width) {
        useScreen(width, 740);
        Trainer trainer = trainerViaApi();
        trainer.api().createClient("Nomvula", "Mahlangu-Van der Merwe", "nomvula.mahlangu@example.com");
        logIn(trainer);
        page.navigate(url("/app/clients"));
        Locator edit = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Edit Nomvula Mahlangu-Van der Merwe"));
        assertThat(edit).isVisible();
        BoundingBox box = edit.boundingBox();
        assertThat(box.x + box.width).isLessThanOrEqualTo(width);
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
        assertThat(page.getByText("nomvula.mahlangu@example.com")).isVisible();
        screenshot("clients-" + width);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void theBookingDialogKeepsItsButtonInViewAndPointsOutAPastTime(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        Trainer trainer = trainerViaApi();
        trainer.api().createClient("Sipho", "Ndlovu", null);
        logIn(trainer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New session")).click();
        Locator dialog = page.locator("#session-dialog");
        Locator book = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book session"));
        assertThat(book).isVisible();
        BoundingBox box = book.boundingBox();
        assertThat(box.y + box.height).as("button bottom within the %d px screen", page.viewportSize().height)
                .isLessThanOrEqualTo(page.viewportSize().height);
        assertThat(dialog.locator("#starts_at-past")).isHidden();

        LocalDate yesterday = LocalDate.now(ZoneId.of("Africa/Johannesburg")).minusDays(1);
        dialog.getByLabel("Start").fill(yesterday + "T09:00");
        assertThat(dialog.locator("#starts_at-past")).isVisible();
        assertThat(dialog.locator("#starts_at-past")).containsText("This time is in the past");
        screenshot("booking-dialog-past-" + width);
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sipho Ndlovu"));
        book.click();
        Locator toast = page.locator("#toast");
        assertThat(toast).containsText("Note: that time is in the past.");
        assertThat(toast).hasClass(java.util.regex.Pattern.compile("toast-warning"));
    }

    @Test
    void aWrongPasswordKeepsTheEmailTyped() {
        Trainer trainer = trainerViaApi();
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(trainer.email());
        page.getByLabel("Password").fill("not my password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/login?error");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        assertThat(page.getByLabel("Email")).hasValue(trainer.email());
        assertThat(page.getByLabel("Password")).isFocused();
    }

    @Test
    void timeZonesAreChosenByFriendlyNameOrAbbreviation() {
        String email = "zone-" + java.util.UUID.randomUUID() + "@example.com";
        page.navigate(url("/signup"));
        assertThat(page.getByLabel("Time zone")).hasValue("South Africa (SAST) · Africa/Johannesburg");
        assertThat(page.locator("#zones option").first()).hasAttribute("value",
                "South Africa (SAST) · Africa/Johannesburg");
        page.getByLabel("Name").fill("Sipho Coach");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Time zone").fill("SAST");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForURL(CALENDAR);

        page.navigate(url("/app/settings"));
        page.getByLabel("Display time zone").fill("Kenya (EAT)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Settings saved.");
        assertThat(page.getByLabel("Display time zone")).hasValue("Kenya (EAT) · Africa/Nairobi");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void darkModeFollowsTheSystemAndStaysReadable(int width) {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 800)
                .setColorScheme(ColorScheme.DARK).setLocale("en-ZA").setTimezoneId("Africa/Johannesburg"));
        page = context.newPage();
        watchConsole(page);
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        LocalDate day = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(1);
        trainer.api().createBooking(client, day + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + day));
        assertThat(page.locator("html")).hasCSS("background-color", "rgb(18, 22, 28)");
        assertThat(page.locator(".fc-event")).isVisible();
        screenshot("calendar-dark-" + width);
        assertAccessible("calendar in dark mode, " + width);
        page.navigate(url("/app/sync"));
        assertAccessible("sync in dark mode, " + width);
        page.navigate(url("/app/settings"));
        assertAccessible("settings in dark mode, " + width);
    }

    @Test
    void theAppIsInstallableAndShowsAnOfflinePageWithoutAConnection() {
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        String manifestUrl = page.locator("link[rel=manifest]").getAttribute("href");
        var manifest = page.request().get(url(manifestUrl));
        assertThat(manifest.status()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(manifest.text());
        assertThat(json.get("start_url").stringValue()).isEqualTo("/app/calendar");
        assertThat(json.get("display").stringValue()).isEqualTo("standalone");
        for (var icon : json.get("icons")) {
            var response = page.request().get(url(icon.get("src").stringValue()));
            assertThat(response.status()).as(icon.toString()).isEqualTo(200);
            assertThat(response.headers().get("content-type")).startsWith(icon.get("type").stringValue());
        }
        assertThat(json.get("icons").findValuesAsString("sizes")).contains("192x192", "512x512");

        Object scope = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)");
        assertThat(scope).isEqualTo(url("/"));
        page.reload(); // the worker now controls the page
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        context.setOffline(true);
        page.navigate(url("/app/clients"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are offline")))
                .isVisible();
        screenshot("offline-page");
        context.setOffline(false);
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }
}

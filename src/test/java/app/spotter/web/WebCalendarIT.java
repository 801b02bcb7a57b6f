package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The trainer's calendar in a real browser: booking, colours, rescheduling, cancelling, names, phone width. */
class WebCalendarIT extends BrowserIT {

    /** A Tuesday about two months ahead in Johannesburg (no daylight saving there), so the sessions stay future. */
    private static final java.time.LocalDate DATE = java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg"))
            .plusWeeks(8).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
    private static final String DAY = DATE.toString();
    /** DATE as Spotter writes it in messages ("Tue 5 Mar"). */
    private static final String SHOWN = DATE.format(
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.forLanguageTag("en-ZA")));

    @Test
    void aTrainerSignsUpLogsOutAndLogsBackIn() {
        String email = "new-" + java.util.UUID.randomUUID() + "@example.com";
        page.navigate(url("/signup"));
        page.getByLabel("Name").fill("Sipho Coach");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Time zone").fill("Africa/Johannesburg");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        page.waitForURL(CALENDAR);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Calendar"))).isVisible();
        assertThat(page.locator(".fc-view")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL("**/login?logout");
        assertThat(page.getByText("You are logged out.")).isVisible();
        page.navigate(url("/app/calendar"));
        page.waitForURL("**/login");

        logIn(new Trainer(email, null));
        assertThat(page.locator(".fc-view")).isVisible();
    }

    @Test
    void aSignUpWithAShortPasswordSaysWhyNextToItAndKeepsTheOtherFields() {
        page.navigate(url("/signup"));
        page.getByLabel("Name").fill("Sipho Coach");
        page.getByLabel("Email").fill("sipho@example.com");
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.locator("#password-error")).hasText("Password must be at least 10 characters.");
        assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Name")).hasValue("Sipho Coach");
        assertThat(page.getByLabel("Email")).hasValue("sipho@example.com");
    }

    @Test
    void aTrainerBooksAFreeSlotAndSeesTheSessionInItsTypeColour() {
        Trainer trainer = trainerViaApi();
        trainer.api().put("/api/v1/calendar-sync/preferences", "{\"session_colors\":{\"assessment\":\"#E91E63\"}}");
        trainer.api().createClient("Ann", "Smith", "ann@example.com");
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + DAY));

        clickSlot("09:00:00");
        Locator dialog = page.locator("#session-dialog");
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Book a session");
        assertThat(dialog.getByLabel("Start")).hasValue(DAY + "T09:00");
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Ann Smith"));
        dialog.getByLabel("Session type", new Locator.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Assessment"));
        dialog.getByLabel("Duration (minutes)").fill("45");
        dialog.getByLabel("Location").fill("Studio 2");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book session")).click();

        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        Locator session = event("Ann Smith");
        assertThat(session).isVisible();
        assertThat(session).containsText("Assessment");
        assertThat(session).containsText("09:00");
        assertThat(session).hasCSS("background-color", "rgb(233, 30, 99)");
        assertThat(page.locator("#toast")).containsText("Ann Smith's session booked for " + SHOWN + " 09:00.");

        JsonNode booking = trainer.api().get("/api/v1/bookings").json().get(0);
        assertThat(booking.get("starts_at").stringValue()).isEqualTo(DAY + "T09:00:00+02:00");
        assertThat(booking.get("ends_at").stringValue()).isEqualTo(DAY + "T09:45:00+02:00");
        assertThat(booking.get("session_type").stringValue()).isEqualTo("assessment");
        assertThat(booking.get("location").stringValue()).isEqualTo("Studio 2");
    }

    @Test
    void anOverlappingTimeIsRefusedNextToTheStartAndNothingTypedIsLost() {
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, DAY + "T10:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + DAY));

        clickSlot("09:30:00");
        Locator dialog = page.locator("#session-dialog");
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Ann Smith"));
        dialog.getByLabel("Location").fill("Zoo Lake");
        dialog.getByLabel("Own colour").fill("#123456");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book session")).click();

        assertThat(dialog.locator("#starts_at-error")).containsText("overlaps your session on " + SHOWN + " 10:00-11:00");
        assertThat(dialog.getByLabel("Start")).hasAttribute("aria-invalid", "true");
        assertThat(dialog.getByLabel("Start")).isFocused();
        assertThat(dialog.getByLabel("Start")).hasValue(DAY + "T09:30");
        assertThat(dialog.getByLabel("Location")).hasValue("Zoo Lake");
        assertThat(dialog.getByLabel("Own colour")).hasValue("#123456");
        assertThat(dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true)).locator("option:checked"))
                .hasText("Ann Smith");
        assertThat(trainer.api().get("/api/v1/bookings").json().size()).isEqualTo(1);
    }

    @Test
    void aTrainerReschedulesASessionByEditingIt() {
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        String id = trainer.api().createBooking(client, DAY + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + DAY));

        event("Ann Smith").click();
        Locator dialog = page.locator("#session-dialog");
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Edit session");
        dialog.getByLabel("Start").fill(DAY + "T11:30");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();

        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(event("Ann Smith")).containsText("11:30");
        JsonNode booking = trainer.api().get("/api/v1/bookings/" + id).json();
        assertThat(booking.get("starts_at").stringValue()).isEqualTo(DAY + "T11:30:00+02:00");
        assertThat(booking.get("ends_at").stringValue()).isEqualTo(DAY + "T12:30:00+02:00");
    }

    @Test
    void aTrainerCancelsASessionAfterConfirming() {
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        String id = trainer.api().createBooking(client, DAY + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + DAY));

        event("Ann Smith").click();
        Locator dialog = page.locator("#session-dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel session…")).click();
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Cancel this session?");
        assertThat(dialog).containsText("1:1 session · Ann Smith, " + SHOWN + " 09:00");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel session")).click();

        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(page.locator("#toast")).containsText("Ann Smith's session on " + SHOWN + " 09:00 cancelled.");
        assertThat(page.locator(".fc-event")).hasCount(0);
        assertThat(trainer.api().get("/api/v1/bookings/" + id).json().get("status").stringValue())
                .isEqualTo("cancelled");
    }

    @Test
    void hidingClientNamesShowsTheSessionTypeInsteadOfTheName() {
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, DAY + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + DAY));
        assertThat(page.locator(".fc-event")).containsText("Ann Smith");

        page.getByLabel("Show client names").uncheck();

        assertThat(page.locator(".fc-event")).not().containsText("Ann");
        assertThat(page.locator(".fc-event")).containsText("1:1 session");
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Client names hidden.");
        assertThat(trainer.api().get("/api/v1/calendar-sync/preferences").json().get("show_client_names")
                .booleanValue()).isFalse();

        page.reload();
        assertThat(page.getByLabel("Show client names")).not().isChecked();
        assertThat(page.locator(".fc-event")).not().containsText("Ann");
    }

    @Test
    void theCalendarOpensOnTheDefaultViewAndWorksFromTheKeyboard() {
        Trainer trainer = trainerViaApi();
        trainer.api().put("/api/v1/calendar-sync/preferences", "{\"calendar_view_default\":\"week\"}");
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, DAY + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?date=" + DAY));
        assertThat(page.locator(".fc-timeGridWeek-view")).isVisible();

        event("Ann Smith").focus();
        page.keyboard().press("Enter");
        Locator dialog = page.locator("#session-dialog");
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Edit session");
        assertThat(dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))).isFocused();
        page.keyboard().press("Escape");
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(event("Ann Smith")).isFocused();
    }

    @Test
    void theCalendarFitsAPhoneScreen375PixelsWide() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-ZA")
                .setTimezoneId("Africa/Johannesburg"));
        page = context.newPage();
        watchConsole(page);
        Trainer trainer = trainerViaApi();
        trainer.api().put("/api/v1/calendar-sync/preferences", "{\"session_colors\":{\"one_on_one\":\"#0E9F6E\"}}");
        String client = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(client, DAY + "T09:00:00+02:00", 60);
        trainer.api().createBooking(client, DATE.plusDays(2) + "T17:30:00+02:00", 45);
        logIn(trainer);
        page.navigate(url("/app/calendar?date=" + DAY));
        assertThat(page.locator(".fc-event").first()).isVisible();

        assertThat(horizontalOverflow()).as("page wider than the screen").isLessThanOrEqualTo(0);
        screenshot("calendar-phone-375");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New session")).click();
        assertThat(page.locator("#session-dialog").getByRole(AriaRole.HEADING)).hasText("Book a session");
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("booking-dialog-phone-375.png")));
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    private Locator event(String text) {
        return page.locator(".fc-event", new Page.LocatorOptions().setHasText(text));
    }

    /** Clicks the day view's free slot at {@code time}, where a trainer would tap it. */
    private void clickSlot(String time) {
        Locator lane = page.locator("td.fc-timegrid-slot-lane[data-time='" + time + "']");
        lane.scrollIntoViewIfNeeded();
        BoundingBox box = lane.boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        page.locator("#session-dialog").waitFor();
    }
}

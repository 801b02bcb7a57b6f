package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feedback where the eye is: a toast fixed in the viewport that says what happened, error style for refusals, and
 * Undo for a few seconds after a drag, a reschedule and a cancellation; at 375 px and 1280 px.
 */
class WebFeedbackIT extends BrowserIT {

    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");

    /** A Tuesday a few weeks ahead, so the dates in the messages are known. */
    private static LocalDate day() {
        LocalDate d = LocalDate.now(SAST).plusWeeks(3);
        return d.plusDays((java.time.DayOfWeek.TUESDAY.getValue() - d.getDayOfWeek().getValue() + 7) % 7);
    }

    private static String spoken(LocalDate day, String time) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.forLanguageTag("en-ZA")))
                + " " + time;
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void aRescheduleSaysWhoAndWhenInAToastInViewAndCanBeUndone(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        LocalDate day = day();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String id = trainer.api().createBooking(client, day + "T06:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + day));
        page.locator(".fc-event", new Page.LocatorOptions().setHasText("Sipho Ndlovu")).click();
        Locator dialog = page.locator("#session-dialog");
        dialog.getByLabel("Start").fill(day + "T07:00");
        assertAccessible("edit dialog, " + width + " px");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));

        Locator toast = page.locator("#toast");
        assertThat(toast).hasText(java.util.regex.Pattern.compile(
                "Sipho Ndlovu's session moved to " + spoken(day, "07:00") + "\\."));
        assertThat(toast).hasAttribute("role", "status");
        assertInViewport(toast);
        screenshotViewport("toast-reschedule-" + width);
        assertAccessible("toast, " + width + " px");

        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(toast.locator("[data-toast-text]")).hasText("Sipho Ndlovu's session moved back to "
                + spoken(day, "06:00") + ".");
        assertThat(page.locator(".fc-event")).containsText("06:00");
        assertThat(trainer.api().get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(day + "T06:00:00+02:00");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void aCancellationCanBeUndoneForAFewSeconds(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        LocalDate day = day();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String id = trainer.api().createBooking(client, day + "T09:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + day));
        page.locator(".fc-event", new Page.LocatorOptions().setHasText("Sipho Ndlovu")).click();
        Locator dialog = page.locator("#session-dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel session…")).click();
        assertAccessible("cancel dialog, " + width + " px");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel session")).click();

        Locator toast = page.locator("#toast");
        assertThat(toast.locator("[data-toast-text]")).hasText("Sipho Ndlovu's session on " + spoken(day, "09:00")
                + " cancelled.");
        assertThat(page.locator(".fc-event")).hasCount(0);
        assertInViewport(toast);
        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();

        assertThat(toast.locator("[data-toast-text]")).hasText("Sipho Ndlovu's session on " + spoken(day, "09:00")
                + " is back in your calendar.");
        assertThat(page.locator(".fc-event")).hasCount(1);
        assertThat(trainer.api().get("/api/v1/bookings/" + id).json().get("status").stringValue())
                .isEqualTo("scheduled");
    }

    @Test
    void aDraggedSessionCanBeUndoneAndARefusedDragIsShownAsAnError() {
        LocalDate day = day();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String other = trainer.api().createClient("Ann", "Smith", null);
        String id = trainer.api().createBooking(client, day + "T08:00:00+02:00", 60);
        trainer.api().createBooking(other, day + "T11:00:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=day&date=" + day));

        drag("Sipho Ndlovu", "10:00:00");
        Locator toast = page.locator("#toast");
        assertThat(toast.locator("[data-toast-text]")).hasText("Sipho Ndlovu's session moved to "
                + spoken(day, "10:00") + ".");
        assertInViewport(toast);
        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(toast.locator("[data-toast-text]")).hasText("Sipho Ndlovu's session moved back to "
                + spoken(day, "08:00") + ".");
        assertThat(trainer.api().get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(day + "T08:00:00+02:00");

        drag("Sipho Ndlovu", "11:00:00");
        assertThat(toast).hasClass(java.util.regex.Pattern.compile("toast-error"));
        assertThat(toast).hasAttribute("role", "alert");
        assertThat(toast.locator("[data-toast-text]")).containsText("Not moved: This time overlaps your session");
        assertThat(toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).isHidden();
        screenshotViewport("toast-refused-drag-1280");
        assertThat(trainer.api().get("/api/v1/bookings/" + id).json().get("starts_at").stringValue())
                .isEqualTo(day + "T08:00:00+02:00");
    }

    private void assertInViewport(Locator element) {
        BoundingBox box = element.boundingBox();
        var viewport = page.viewportSize();
        assertThat(box.y).isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).isLessThanOrEqualTo(viewport.height);
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(viewport.width);
    }
}

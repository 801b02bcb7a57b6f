package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Working hours, time off and busy times in the browser: shading, grey blocks, "Book anyway", the settings page. */
class WebAvailabilityIT extends BrowserIT {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final LocalDate TUESDAY = LocalDate.now(JOBURG).plusWeeks(3)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCalendarShadesNonWorkingTimeShowsBusyAndTimeOffAndOffersBookAnyway() {
        Trainer trainer = trainerViaApi();
        trainer.api().createClient("Ann", "Smith", null);
        logIn(trainer);

        // the settings page, from the menu: afternoons only on Tuesdays
        page.navigate(url("/app/calendar"));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Availability")).click();
        page.waitForURL(url("/app/availability"));
        page.getByLabel("Tuesday").fill("13:00-19:00");
        page.getByLabel("Monday").fill("25:00-26:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save working hours")).click();
        assertThat(page.locator(".field-error").first()).containsText("06:00");
        assertThat(page.getByLabel("Tuesday")).hasValue("13:00-19:00");
        page.getByLabel("Monday").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save working hours")).click();
        assertThat(page.getByText("Working hours saved.")).isVisible();
        assertThat(page.getByLabel("Tuesday")).hasValue("13:00-19:00");
        assertThat(trainer.api().get("/api/v1/availability/hours").json().get("weekly").get("TU").get(0)
                .get("from").stringValue()).isEqualTo("13:00");

        trainer.api().post("/api/v1/availability/time-off", """
                {"starts_at":"%sT14:00:00+02:00","ends_at":"%sT16:00:00+02:00","label":"Physio"}"""
                .formatted(TUESDAY, TUESDAY));
        busyFromACalendar(trainer, "17:00", "18:00");

        page.navigate(url("/app/calendar?view=day&date=" + TUESDAY));
        assertThat(page.locator(".fc-non-business").first()).isAttached();
        Locator timeOff = page.locator(".fc-bg-event.time-off-block");
        assertThat(timeOff).hasText("Time off");
        Locator busy = page.locator(".fc-bg-event.busy-block");
        assertThat(busy).hasText("Busy");
        // the day view opens at the start of the working day, not at 06:00
        BoundingBox scroller = page.locator(".fc-scroller-liquid-absolute, .fc-timegrid-body").first().boundingBox();
        BoundingBox one = lane("13:00:00").boundingBox();
        BoundingBox six = lane("06:00:00").boundingBox();
        assertThat(one.y).isBetween(scroller.y - 1, scroller.y + scroller.height);
        assertThat(six.y).isLessThan(scroller.y);

        // booking into time off: the form says why and offers "Book anyway"
        lane("14:30:00").scrollIntoViewIfNeeded();
        BoundingBox box = lane("14:30:00").boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        Locator dialog = page.locator("#session-dialog");
        dialog.waitFor();
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Ann Smith"));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book session")).click();
        assertThat(dialog.locator("#starts_at-error")).containsText("time off (Physio)");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book anyway")).click();
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(page.locator(".fc-event:not(.fc-bg-event)", new Page.LocatorOptions().setHasText("Ann Smith")))
                .isVisible();
        assertThat(trainer.api().get("/api/v1/bookings?from=" + TUESDAY + "T00:00:00%2B02:00&to=" + TUESDAY
                + "T23:59:00%2B02:00").json()).hasSize(1);
        assertAccessible("calendar with busy and time off");

        // with the trainer's consent the block names the service (never a title: none is stored)
        page.navigate(url("/app/availability"));
        assertThat(page.getByLabel("Show which calendar service a busy time comes from")).not().isChecked();
        page.getByLabel("Show which calendar service a busy time comes from").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save working hours")).click();
        assertThat(page.getByText("Working hours saved.")).isVisible();
        assertThat(page.getByLabel("Show which calendar service a busy time comes from")).isChecked();
        assertAccessible("availability page with the consent switch");
        assertThat(trainer.api().get("/api/v1/availability/hours").json().get("busy_shows_provider")
                .booleanValue()).isTrue();
        page.navigate(url("/app/calendar?view=day&date=" + TUESDAY));
        assertThat(page.locator(".fc-bg-event.busy-block")).hasText("Busy (iCloud)");
    }

    private Locator lane(String time) {
        return page.locator("td.fc-timegrid-slot-lane[data-time='" + time + "']");
    }

    /**
     * A busy interval as the refresh stores it from a trainer's calendar (the reading itself is BusyCalendarsIT's):
     * times only, there is no title to show.
     */
    private void busyFromACalendar(Trainer trainer, String from, String to) {
        UUID trainerId = UUID.fromString(trainer.api().get("/api/v1/me").json().get("id").stringValue());
        UUID calendar = UUID.randomUUID();
        jdbc.sql("INSERT INTO busy_calendars (id, trainer_id, provider, external_id, name, busy, last_read) "
                        + "VALUES (?, ?, 'apple', 'https://caldav.example/personal/', 'Personal', TRUE, NOW())")
                .params(calendar, trainerId).update();
        jdbc.sql("INSERT INTO busy_intervals (calendar_id, trainer_id, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                .params(calendar, trainerId,
                        Timestamp.from(TUESDAY.atTime(java.time.LocalTime.parse(from)).atZone(JOBURG).toInstant()),
                        Timestamp.from(TUESDAY.atTime(java.time.LocalTime.parse(to)).atZone(JOBURG).toInstant()))
                .update();
    }
}

package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar read at a glance, on a 375 px phone and a 1280 px screen: a view that fits, en-ZA dates and
 * 24-hour times, the client's name first, a colour per session type, working hours and "now" in view, no all-day
 * row, month chips uncut; and axe-core finds nothing serious in any of it.
 */
class WebPhoneFirstIT extends BrowserIT {

    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void theCalendarOpensOnAViewThatFitsAndReadsAtAGlance(int width) {
        useScreen(width, width < 400 ? 740 : 800);
        Trainer trainer = trainerViaApi();
        trainer.api().put("/api/v1/calendar-sync/preferences", "{\"calendar_view_default\":\"week\"}");
        String sipho = trainer.api().createClient("Sipho", "Ndlovu", null);
        String ann = trainer.api().createClient("Ann", "Smith", null);
        LocalDate today = LocalDate.now(SAST);
        trainer.api().createBooking(sipho, today + "T09:00:00+02:00", 60);
        trainer.api().post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%sT11:00:00+02:00","duration_minutes":45,"session_type":"assessment"}"""
                .formatted(ann, today));
        logIn(trainer);

        // phone: three days whatever the trainer's default; wide: the trainer's default (week)
        String view = width < 400 ? ".fc-timeGridThreeDay-view" : ".fc-timeGridWeek-view";
        assertThat(page.locator(view)).isVisible();
        assertThat(page.locator(".fc-event").first()).isVisible();

        // day headers: "Mon 30 Nov", side by side without overlapping
        Locator headers = page.locator(".fc-col-header-cell-cushion");
        List<String> texts = headers.allInnerTexts();
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t.replace('\n', ' '))
                .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2,3}"));
        List<BoundingBox> boxes = headers.all().stream().map(Locator::boundingBox).toList();
        for (int i = 1; i < boxes.size(); i++) {
            assertThat(boxes.get(i - 1).x + boxes.get(i - 1).width).as("header %d ends before %d starts", i - 1, i)
                    .isLessThanOrEqualTo(boxes.get(i).x + 0.5);
        }

        // the client's name is the first thing a session shows; the two types have their own colours
        Locator siphoEvent = page.locator(".fc-event", new Page.LocatorOptions().setHasText("Sipho Ndlovu"));
        assertThat(siphoEvent.locator(".session-name")).hasText("Sipho Ndlovu");
        assertThat(((String) siphoEvent.evaluate("e => e.innerText")).strip()).startsWith("Sipho Ndlovu");
        assertThat(siphoEvent).hasCSS("background-color", "rgb(0, 114, 178)");
        Locator annEvent = page.locator(".fc-event", new Page.LocatorOptions().setHasText("Ann Smith"));
        assertThat(annEvent).hasCSS("background-color", "rgb(230, 159, 0)");
        assertThat(annEvent).containsText("11:00");

        // 24-hour slots, no all-day row, a now line, scrolled past midnight to the working day
        assertThat(page.locator(".fc-timegrid-slot-label[data-time='13:00:00']")).containsText("13:00");
        assertThat(page.locator(".fc-timegrid-all-day, .fc-daygrid-body")).hasCount(0);
        assertThat(page.locator(".fc-timegrid-now-indicator-line")).hasCount(1);
        Number scrolled = (Number) page.evaluate(
                "() => document.querySelector('.fc-timegrid-body').closest('.fc-scroller').scrollTop");
        assertThat(scrolled.doubleValue()).as("time grid scrolled to the working day").isGreaterThan(100);
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
        screenshot("calendar-" + width);
        assertAccessible("calendar, " + width + " px");

        // month: the title in words, chips with time and full name, neighbouring days readable
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Month").setExact(true)).click();
        assertThat(page.locator(".fc-toolbar-title")).hasText(java.util.regex.Pattern.compile(
                "(January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}"));
        Locator chip = page.locator(".fc-daygrid-event", new Page.LocatorOptions().setHasText("Sipho Ndlovu"));
        assertThat(chip).containsText("09:00");
        assertThat(chip).containsText("Sipho Ndlovu");
        assertThat((Boolean) chip.evaluate("e => [...e.querySelectorAll('span')].every(s => s.scrollWidth <= s.clientWidth + 1)"))
                .as("chip text not cut").isTrue();
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
        screenshot("calendar-month-" + width);
        assertAccessible("month view, " + width + " px");

        // list
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List").setExact(true)).click();
        assertThat(page.locator(".fc-list-event").first()).containsText("Sipho Ndlovu");
        assertThat(page.locator(".fc-list-event-time").first()).hasText("09:00 - 10:00");
        screenshot("calendar-list-" + width);
        assertAccessible("list view, " + width + " px");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void aViewAskedForInTheAddressWinsOnEveryScreen(int width) {
        useScreen(width, 800);
        Trainer trainer = trainerViaApi();
        logIn(trainer);
        page.navigate(url("/app/calendar?view=month"));
        assertThat(page.locator(".fc-dayGridMonth-view")).isVisible();
        page.navigate(url("/app/calendar?view=list"));
        assertThat(page.locator(".fc-listWeek-view")).isVisible();
        Set<String> seen = new HashSet<>(page.locator(".fc-toolbar button").allInnerTexts());
        assertThat(seen).contains("Today", "List", "Month");
    }

    @org.junit.jupiter.api.Test
    void narrowingTheWindowSwitchesToThePhoneViewAndBack() {
        Trainer trainer = trainerViaApi();
        trainer.api().put("/api/v1/calendar-sync/preferences", "{\"calendar_view_default\":\"month\"}");
        logIn(trainer);
        assertThat(page.locator(".fc-dayGridMonth-view")).isVisible();
        page.setViewportSize(375, 740);
        assertThat(page.locator(".fc-timeGridThreeDay-view")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("3 days"))).isVisible();
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
        page.setViewportSize(1280, 800);
        assertThat(page.locator(".fc-dayGridMonth-view")).isVisible();
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }
}

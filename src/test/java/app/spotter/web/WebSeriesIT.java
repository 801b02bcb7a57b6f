package app.spotter.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recurring sessions in the web app: "Repeats" in the session dialog with its summary, the clash list and its
 * choice, the series badge, and the scope dialog ("This session", "This and following", "All sessions") for edit,
 * drag and cancel; what the trainer sees, then what the API reports.
 */
class WebSeriesIT extends BrowserIT {

    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM",
            Locale.forLanguageTag("en-ZA"));

    /** A Monday two to three weeks ahead: every session of the tests is still to come. */
    private static LocalDate monday() {
        return LocalDate.now(SAST).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static String spoken(LocalDate day, String time) {
        return SessionWords.WHEN.format(day.atTime(java.time.LocalTime.parse(time)));
    }

    @Test
    void aTrainerBooksMondaysAndThursdaysFromTheDialogAndSeesEachSessionWithTheSeriesBadge() {
        int width = 1280;
        LocalDate monday = monday();
        LocalDate until = monday.plusWeeks(3).plusDays(3); // the fourth Thursday
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        logIn(trainer);
        page.navigate(url("/app/calendar?view=week&date=" + monday));
        page.locator("#new-session").click();
        Locator dialog = page.locator("#session-dialog");
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true)).selectOption(client);
        dialog.getByLabel("Start").fill(monday + "T06:00");
        dialog.getByLabel("Repeats").selectOption("weekly");
        Locator on = dialog.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("On").setExact(true));
        assertThat(on.getByLabel("Mon")).isChecked(); // the start's weekday
        on.getByLabel("Thu").check();
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("On").setExact(true)).check();
        dialog.getByLabel("Last date").fill(until.toString());
        Locator summary = dialog.locator("#repeats-summary");
        assertThat(summary).hasText("Every Mon and Thu at 06:00 until " + until.format(DAY_MONTH)
                + (until.getYear() == monday.getYear() ? "" : " " + until.getYear()));
        assertThat(horizontalOverflow()).as("no sideways scrolling at " + width).isLessThanOrEqualTo(0);
        assertAccessible("the Repeats control at " + width + " px");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book session")).click();
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));

        assertThat(page.locator("#toast [data-toast-text]")).hasText(Pattern.compile(
                "Sipho Ndlovu's sessions booked: Every Mon and Thu at 06:00 until .*\\."));
        Locator sessions = page.locator(".fc-event:not(.fc-bg-event)");
        assertThat(sessions.first()).isVisible();
        assertThat(page.locator(".fc-event .series-badge")).hasCount(sessions.count());
        assertThat(sessions).hasCount(2);
        assertThat(sessions.first()).hasAttribute("title", Pattern.compile(".*\\(repeats\\)$"));

        List<JsonNode> booked = sessionsBetween(trainer.api(), monday, monday.plusWeeks(5));
        assertThat(booked).extracting(b -> b.get("starts_at").stringValue()).containsExactly(
                monday + "T06:00:00+02:00", monday.plusDays(3) + "T06:00:00+02:00",
                monday.plusWeeks(1) + "T06:00:00+02:00", monday.plusWeeks(1).plusDays(3) + "T06:00:00+02:00",
                monday.plusWeeks(2) + "T06:00:00+02:00", monday.plusWeeks(2).plusDays(3) + "T06:00:00+02:00",
                monday.plusWeeks(3) + "T06:00:00+02:00", monday.plusWeeks(3).plusDays(3) + "T06:00:00+02:00");
        String seriesId = booked.getFirst().get("series_id").stringValue();
        assertThat(booked).allMatch(b -> seriesId.equals(b.get("series_id").stringValue()));
        JsonNode rule = trainer.api().get("/api/v1/series/" + seriesId).json().get("recurrence");
        assertThat(rule.get("days").toString()).isEqualTo("[\"MO\",\"TH\"]");
        assertThat(rule.get("until").stringValue()).isEqualTo(until.toString());

        // the client's page shows the badge on each of the series' sessions
        page.navigate(url("/app/clients/" + client));
        assertThat(page.locator("[data-booking='" + booked.getFirst().get("id").stringValue() + "'] .series-badge"))
                .hasText(Pattern.compile("Repeats"));
        assertAccessible("the client's page with a series at " + width + " px");
    }

    /** On a phone: the Repeats control and the clash list fit a 375 px screen. */
    @Test
    void clashingDatesAreListedAndTheTrainerLeavesThemOutOrGoesBack() {
        usePhone();
        LocalDate monday = monday();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String other = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(other, monday.plusWeeks(1) + "T06:30:00+02:00", 60);
        trainer.api().createBooking(other, monday.plusWeeks(3) + "T05:30:00+02:00", 60);
        logIn(trainer);
        page.navigate(url("/app/bookings/new?start=" + monday + "T06:00"));
        page.getByLabel("Client", new Page.GetByLabelOptions().setExact(true)).selectOption(client);
        page.getByLabel("Repeats").selectOption("weekly");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("After")).check();
        page.getByLabel("Number of sessions").fill("4");
        assertThat(page.locator("#repeats-summary")).hasText("Every Mon at 06:00, 4 sessions");

        // a series has one client: a second one ticked is pointed out, not dropped
        Locator also = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Also in this session"));
        also.getByLabel("Ann Smith").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book session")).click();
        assertThat(page.locator("#repeats-error")).hasText(Pattern.compile("A repeating session is for one client.*"));
        assertThat(sessionsBetween(trainer.api(), monday, monday.plusWeeks(5))).hasSize(2);
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Also in this session"))
                .getByLabel("Ann Smith").uncheck();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book session")).click();

        Locator clashes = page.locator(".clash-list");
        assertThat(clashes.getByRole(AriaRole.HEADING)).hasText("2 dates clash");
        assertThat(clashes.locator("li")).hasText(new String[] {
                spoken(monday.plusWeeks(1), "06:00") + " overlaps your session on " + spoken(monday.plusWeeks(1),
                        "06:30") + "-07:30",
                spoken(monday.plusWeeks(3), "06:00") + " overlaps your session on " + spoken(monday.plusWeeks(3),
                        "05:30") + "-06:30"});
        assertAccessible("the clash list on a phone");
        assertThat(horizontalOverflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        screenshot("series-clash-list-375");
        assertThat(sessionsBetween(trainer.api(), monday, monday.plusWeeks(5))).as("nothing booked yet").hasSize(2);

        // going back leaves the form as it was, without the list, and books nothing
        clashes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go back and change")).click();
        assertThat(clashes).hasCount(0);
        assertThat(page.getByLabel("Repeats")).isFocused();
        assertThat(page.getByLabel("Number of sessions")).hasValue("4");
        assertThat(sessionsBetween(trainer.api(), monday, monday.plusWeeks(5))).hasSize(2);

        // asked again, the trainer leaves both dates out
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book session")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave these 2 dates out")).click();
        page.waitForURL(u -> u.contains("/app/calendar"));
        List<JsonNode> booked = sessionsBetween(trainer.api(), monday, monday.plusWeeks(5)).stream()
                .filter(b -> !b.get("series_id").isNull()).toList();
        assertThat(booked).extracting(b -> b.get("starts_at").stringValue()).containsExactly(
                monday + "T06:00:00+02:00", monday.plusWeeks(2) + "T06:00:00+02:00");
        JsonNode series = trainer.api().get("/api/v1/series/" + booked.getFirst().get("series_id").stringValue())
                .json();
        assertThat(series.get("skipped").findValuesAsString("starts_at")).containsExactly(
                monday.plusWeeks(1) + "T06:00:00+02:00", monday.plusWeeks(3) + "T06:00:00+02:00");
    }

    @Test
    void editingASessionOfASeriesAppliesToThisSessionToThisAndTheFollowingOrToAll() {
        LocalDate monday = monday();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String seriesId = weeklySeries(trainer.api(), client, monday, "06:00", 6);
        List<String> ids = ids(trainer.api(), seriesId);
        logIn(trainer);

        // this session: the second Monday at 07:00, the others stay at 06:00
        Locator dialog = openSession(monday.plusWeeks(1), "Sipho Ndlovu");
        assertThat(dialog.locator("[data-series-summary]")).hasText("Every Mon at 06:00, 6 sessions");
        assertAccessible("the edit dialog of a session of a series");
        dialog.getByLabel("Start").fill(monday.plusWeeks(1) + "T07:00");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("This session")).check();
        save(dialog);
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session moved to "
                + spoken(monday.plusWeeks(1), "07:00") + ".");
        assertThat(startsOf(trainer.api(), seriesId)).containsExactly(at(monday, "06:00"),
                at(monday.plusWeeks(1), "07:00"), at(monday.plusWeeks(2), "06:00"), at(monday.plusWeeks(3), "06:00"),
                at(monday.plusWeeks(4), "06:00"), at(monday.plusWeeks(5), "06:00"));

        // this and following, from the fourth Monday: a location; the series splits there
        dialog = openSession(monday.plusWeeks(3), "Sipho Ndlovu");
        dialog.getByLabel("Location").fill("Sea Point promenade");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("This and following")).check();
        save(dialog);
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session on "
                + spoken(monday.plusWeeks(3), "06:00") + " and the following ones saved. Now: Every Mon at 06:00, "
                + "3 sessions.");
        JsonNode old = trainer.api().get("/api/v1/series/" + seriesId).json();
        assertThat(old.get("recurrence").get("until").stringValue()).isEqualTo(monday.plusWeeks(3).minusDays(1)
                .toString());
        assertThat(locations(old)).isEmpty();
        JsonNode following = sessionAt(trainer.api(), monday.plusWeeks(3), "06:00");
        String newSeries = following.get("series_id").stringValue();
        assertThat(newSeries).isNotEqualTo(seriesId);
        JsonNode split = trainer.api().get("/api/v1/series/" + newSeries).json();
        assertThat(locations(split)).containsExactly("Sea Point promenade",
                "Sea Point promenade", "Sea Point promenade");

        // all sessions, from the fifth Monday: 05:30 for every session of that series still to come
        dialog = openSession(monday.plusWeeks(4), "Sipho Ndlovu");
        dialog.getByLabel("Start").fill(monday.plusWeeks(4) + "T05:30");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("All sessions")).check();
        save(dialog);
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's sessions still to come saved. "
                + "Now: Every Mon at 05:30, 3 sessions.");
        List<String> all = sessionsBetween(trainer.api(), monday, monday.plusWeeks(7)).stream()
                .map(b -> b.get("starts_at").stringValue() + " " + (b.path("location").isString() ? b.path("location").stringValue() : "")).toList();
        assertThat(all).containsExactly(at(monday, "06:00") + " ", at(monday.plusWeeks(1), "07:00") + " ",
                at(monday.plusWeeks(2), "06:00") + " ", at(monday.plusWeeks(3), "05:30") + " Sea Point promenade",
                at(monday.plusWeeks(4), "05:30") + " Sea Point promenade",
                at(monday.plusWeeks(5), "05:30") + " Sea Point promenade");
        assertThat(ids).hasSize(6);
    }

    @Test
    void draggingASessionOfASeriesAsksWhichSessionsMove() {
        LocalDate monday = monday();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String seriesId = weeklySeries(trainer.api(), client, monday, "08:00", 4);
        logIn(trainer);
        Locator dialog = page.locator("#session-dialog");

        // closing the scope dialog moves nothing: the session is back at 08:00
        page.navigate(url("/app/calendar?view=day&date=" + monday.plusWeeks(1)));
        drag("Sipho Ndlovu", "10:00:00");
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Move a repeating session");
        assertThat(dialog.locator(".lead")).hasText("Move Sipho Ndlovu's session on "
                + spoken(monday.plusWeeks(1), "08:00") + " to " + spoken(monday.plusWeeks(1), "10:00") + "?");
        assertAccessible("the drag scope dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Don't move")).click();
        assertThat(page.locator(".fc-event")).containsText("08:00");
        assertThat(startsOf(trainer.api(), seriesId)).containsExactly(at(monday, "08:00"),
                at(monday.plusWeeks(1), "08:00"), at(monday.plusWeeks(2), "08:00"), at(monday.plusWeeks(3), "08:00"));

        // this session
        drag("Sipho Ndlovu", "10:00:00");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("This session")).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session moved to "
                + spoken(monday.plusWeeks(1), "10:00") + ".");
        assertThat(startsOf(trainer.api(), seriesId)).containsExactly(at(monday, "08:00"),
                at(monday.plusWeeks(1), "10:00"), at(monday.plusWeeks(2), "08:00"), at(monday.plusWeeks(3), "08:00"));

        // this and following, from the third Monday
        page.navigate(url("/app/calendar?view=day&date=" + monday.plusWeeks(2)));
        drag("Sipho Ndlovu", "11:00:00");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("This and following")).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session on "
                + spoken(monday.plusWeeks(2), "08:00") + " and the following ones moved. Now: Every Mon at 11:00, "
                + "2 sessions.");
        assertThat(page.locator(".fc-event")).containsText("11:00");
        assertThat(startsBetween(trainer.api(), monday, monday.plusWeeks(4))).containsExactly(at(monday, "08:00"),
                at(monday.plusWeeks(1), "10:00"), at(monday.plusWeeks(2), "11:00"), at(monday.plusWeeks(3), "11:00"));

        // all sessions still to come of the (new) series, dragged from the fourth Monday
        page.navigate(url("/app/calendar?view=day&date=" + monday.plusWeeks(3)));
        drag("Sipho Ndlovu", "09:00:00");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("All sessions")).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's sessions still to come moved. "
                + "Now: Every Mon at 09:00, 2 sessions.");
        assertThat(startsBetween(trainer.api(), monday, monday.plusWeeks(4))).containsExactly(at(monday, "08:00"),
                at(monday.plusWeeks(1), "10:00"), at(monday.plusWeeks(2), "09:00"), at(monday.plusWeeks(3), "09:00"));

        // a drag whose following dates clash lists them in the dialog; the trainer leaves the clashing one out
        String other = trainer.api().createClient("Ann", "Smith", null);
        trainer.api().createBooking(other, at(monday.plusWeeks(3), "12:30"), 60);
        page.navigate(url("/app/calendar?view=day&date=" + monday.plusWeeks(2)));
        drag("Sipho Ndlovu", "12:00:00");
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("This and following")).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
        assertThat(dialog.locator(".clash-list li")).hasText(spoken(monday.plusWeeks(3), "12:00")
                + " overlaps your session on " + spoken(monday.plusWeeks(3), "12:30") + "-13:30");
        assertThat(startsBetween(trainer.api(), monday.plusWeeks(2), monday.plusWeeks(4)))
                .as("nothing moved yet").containsExactly(at(monday.plusWeeks(2), "09:00"),
                        at(monday.plusWeeks(3), "09:00"), at(monday.plusWeeks(3), "12:30"));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Leave this date out")).click();
        assertThat(page.locator("#toast [data-toast-text]")).hasText(Pattern.compile(".* and the following ones "
                + "moved\\. Now: Every Mon at 12:00, 2 sessions\\. Left out because they clash: "
                + spoken(monday.plusWeeks(3), "12:00") + "\\."));
        assertThat(startsBetween(trainer.api(), monday.plusWeeks(2), monday.plusWeeks(4))).containsExactly(
                at(monday.plusWeeks(2), "12:00"), at(monday.plusWeeks(3), "12:30"));
    }

    @Test
    void cancellingASessionOfASeriesAsksWhichSessionsAreCancelled() {
        LocalDate monday = monday();
        Trainer trainer = trainerViaApi();
        String client = trainer.api().createClient("Sipho", "Ndlovu", null);
        String seriesId = weeklySeries(trainer.api(), client, monday, "09:00", 6);
        logIn(trainer);

        cancel(monday.plusWeeks(1), "This session");
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session on "
                + spoken(monday.plusWeeks(1), "09:00") + " cancelled.");
        assertThat(statuses(trainer.api(), seriesId)).containsExactly("scheduled", "cancelled", "scheduled",
                "scheduled", "scheduled", "scheduled");

        cancel(monday.plusWeeks(4), "This and following");
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's session on "
                + spoken(monday.plusWeeks(4), "09:00") + " and the following ones cancelled.");
        assertThat(page.locator(".fc-event")).hasCount(0);
        assertThat(statuses(trainer.api(), seriesId)).containsExactly("scheduled", "cancelled", "scheduled",
                "scheduled", "cancelled", "cancelled");
        assertThat(trainer.api().get("/api/v1/series/" + seriesId).json().get("recurrence").get("until")
                .stringValue()).isEqualTo(monday.plusWeeks(4).minusDays(1).toString());

        cancel(monday.plusWeeks(2), "All sessions");
        assertThat(page.locator("#toast [data-toast-text]")).hasText("Sipho Ndlovu's sessions still to come "
                + "cancelled.");
        assertThat(statuses(trainer.api(), seriesId)).containsOnly("cancelled");
        page.navigate(url("/app/calendar?view=week&date=" + monday));
        assertThat(page.locator(".fc-timegrid-event")).hasCount(0);
    }

    // --- helpers

    private void cancel(LocalDate day, String scope) {
        Locator dialog = openSession(day, "Sipho Ndlovu");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel session…")).click();
        // the edit form has a scope choice too: wait for the cancel question before choosing
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Cancel this session?");
        assertThat(dialog.locator("[data-series-summary]")).isVisible();
        dialog.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Cancel which sessions?"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(scope)).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel session")).click();
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }

    private Locator openSession(LocalDate day, String name) {
        page.navigate(url("/app/calendar?view=day&date=" + day));
        page.locator(".fc-event", new Page.LocatorOptions().setHasText(name)).click();
        Locator dialog = page.locator("#session-dialog");
        assertThat(dialog.locator(".series-note")).isVisible();
        return dialog;
    }

    private static void save(Locator dialog) {
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }

    private static String weeklySeries(ApiClient api, String client, LocalDate monday, String time, int count) {
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%sT%s:00+02:00","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["MO"],"count":%d}}""".formatted(client, monday, time, count));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("series_id").stringValue();
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + ":00+02:00";
    }

    private static List<String> ids(ApiClient api, String seriesId) {
        return api.get("/api/v1/series/" + seriesId).json().get("sessions").findValuesAsString("id");
    }

    private static List<String> startsOf(ApiClient api, String seriesId) {
        List<String> starts = new ArrayList<>();
        api.get("/api/v1/series/" + seriesId).json().get("sessions")
                .forEach(s -> starts.add(s.get("starts_at").stringValue()));
        return starts;
    }

    private static List<String> locations(JsonNode series) {
        List<String> found = new ArrayList<>();
        series.get("sessions").forEach(s -> {
            if (s.path("location").isString()) {
                found.add(s.path("location").stringValue());
            }
        });
        return found;
    }

    private static List<String> statuses(ApiClient api, String seriesId) {
        List<String> statuses = new ArrayList<>();
        api.get("/api/v1/series/" + seriesId).json().get("sessions")
                .forEach(s -> statuses.add(s.get("status").stringValue()));
        return statuses;
    }

    /** The scheduled sessions in [from, to), in order, as the API lists them. */
    private static List<JsonNode> sessionsBetween(ApiClient api, LocalDate from, LocalDate to) {
        var answer = api.get("/api/v1/bookings?from=" + from + "T00:00:00%2B02:00&to=" + to + "T00:00:00%2B02:00");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> result = new ArrayList<>();
        answer.json().forEach(b -> {
            if ("scheduled".equals(b.get("status").stringValue())) {
                result.add(b);
            }
        });
        return result;
    }

    private static List<String> startsBetween(ApiClient api, LocalDate from, LocalDate to) {
        return sessionsBetween(api, from, to).stream().map(b -> b.get("starts_at").stringValue()).toList();
    }

    private static JsonNode sessionAt(ApiClient api, LocalDate day, String time) {
        return sessionsBetween(api, day, day.plusDays(1)).stream()
                .filter(b -> b.get("starts_at").stringValue().equals(at(day, time))).findFirst().orElseThrow();
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    /** Drags the session named {@code name} to {@code toTime} in the day view (as WebFeedbackIT does). */
}

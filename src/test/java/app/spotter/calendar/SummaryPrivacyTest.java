package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryPrivacyTest {

    private static final String CLIENT = "Thandiwe Zoë Nkosi-Müller";

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @Test
    void with_names_shown_the_summary_is_label_dot_client_name() {
        assertThat(CalendarObjects.summaryFor(SessionType.ONE_ON_ONE, CLIENT, true))
                .isEqualTo("1:1 session · " + CLIENT);
    }

    @Test
    void with_names_hidden_the_summary_is_the_label_alone() {
        assertThat(CalendarObjects.summaryFor(SessionType.ASSESSMENT, CLIENT, false)).isEqualTo("Assessment");
    }

    @Test
    void a_missing_or_blank_name_gives_the_label_without_a_dangling_separator() {
        assertThat(CalendarObjects.summaryFor(SessionType.GROUP, null, true)).isEqualTo("Group session");
        assertThat(CalendarObjects.summaryFor(SessionType.GROUP, " \r\n ", true)).isEqualTo("Group session");
    }

    @Test
    void a_display_name_with_line_breaks_is_kept_on_one_line() {
        assertThat(CalendarObjects.summaryFor(SessionType.ONLINE, "Eve\r\nATTENDEE:mailto:x@y", true))
                .isEqualTo("Online session · Eve ATTENDEE:mailto:x@y");
    }

    @Test
    void with_names_hidden_the_client_name_appears_nowhere_in_any_rendering() {
        String summary = CalendarObjects.summaryFor(SessionType.CONSULTATION, CLIENT, false);
        CalendarEvent e = Events.withSummary(summary);

        String stored = objects.storedObject(e);
        String feed = objects.feed(List.of(e), Events.JOHANNESBURG, "Coach Sam");
        String invitation = objects.invitation(
                e, new Organizer("Coach Sam", "sam@example.com"), List.of(new Attendee(null, "c@example.com")),
                ItipMethod.REQUEST);

        for (String text : List.of(stored, feed, invitation)) {
            String unfolded = text.replace("\r\n ", "");
            assertThat(unfolded).doesNotContain("Thandiwe").doesNotContain("Nkosi").doesNotContain("Müller");
        }
    }

    @Test
    void a_group_session_reads_its_count_against_its_capacity_and_names_only_when_shown() {
        List<String> names = List.of("Ann Bee", "Cas Dee");
        assertThat(CalendarObjects.summaryFor(SessionType.GROUP, names, 8, false)).isEqualTo("Group session · 2/8");
        assertThat(CalendarObjects.summaryFor(SessionType.GROUP, names, 8, true))
                .isEqualTo("Group session · 2/8 · Ann Bee, Cas Dee");
    }

    @Test
    void a_session_for_one_client_reads_as_before() {
        assertThat(CalendarObjects.summaryFor(SessionType.ONE_ON_ONE, List.of(CLIENT), 1, true))
                .isEqualTo("1:1 session · " + CLIENT);
        assertThat(CalendarObjects.summaryFor(SessionType.ONE_ON_ONE, List.of(CLIENT), 1, false))
                .isEqualTo("1:1 session");
    }
}

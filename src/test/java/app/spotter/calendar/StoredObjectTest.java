package app.spotter.calendar;

import static app.spotter.calendar.Events.CLOCK;
import static app.spotter.calendar.Events.UID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class StoredObjectTest {

    private final CalendarObjects objects = new CalendarObjects(CLOCK);

    @Test
    void a_stored_object_holds_exactly_one_event_with_the_booking_uid() {
        Calendar calendar = Ics.parse(objects.storedObject(Events.event(), "-//Spotter//Test//EN"));

        assertThat(Ics.onlyEvent(calendar).getUid().map(Property::getValue)).contains(UID);
        assertThat(Ics.value(calendar, "PRODID")).isEqualTo("-//Spotter//Test//EN");
        assertThat(Ics.value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(Ics.value(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
    }

    @Test
    void a_stored_object_has_no_method_organizer_or_attendee() {
        String text = objects.storedObject(Events.event());
        VEvent event = Ics.onlyEvent(Ics.parse(text));

        assertThat(Ics.parse(text).getProperty(Property.METHOD)).isEmpty();
        assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
        assertThat(event.getProperties(Property.ORGANIZER)).isEmpty();
        assertThat(text).doesNotContain("METHOD").doesNotContain("ATTENDEE").doesNotContain("ORGANIZER");
    }

    @Test
    void dtstamp_is_the_clock_time_in_utc_and_sequence_status_transp_are_set() {
        VEvent event = Ics.onlyEvent(Ics.parse(objects.storedObject(Events.event())));

        assertThat(Ics.value(event, "DTSTAMP")).isEqualTo("20260601T081530Z");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(Ics.value(event, "TRANSP")).isEqualTo("OPAQUE");
        assertThat(Ics.value(event, "LOCATION")).isEqualTo("Studio 2, Rosebank");
    }

    @Test
    void the_colour_is_written_as_the_nearest_css3_name() {
        VEvent event = Ics.onlyEvent(Ics.parse(objects.storedObject(Events.withColor("#E53935"))));

        assertThat(Ics.value(event, "COLOR")).isEqualTo("crimson");
    }

    @Test
    void no_colour_chosen_means_no_color_property() {
        VEvent event = Ics.onlyEvent(Ics.parse(objects.storedObject(Events.withColor(null))));

        assertThat(event.getProperty("COLOR")).isEmpty();
    }

    @Test
    void johannesburg_times_carry_their_tzid_and_local_time_at_plus_two_hours() {
        VEvent event = Ics.onlyEvent(Ics.parse(objects.storedObject(Events.event())));

        assertThat(Ics.parameter(event.getDateTimeStart(), "TZID")).isEqualTo("Africa/Johannesburg");
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20260610T060000");
        assertThat(event.getDateTimeEnd().getValue()).isEqualTo("20260610T070000");
        assertThat(Ics.instant(event.getDateTimeStart())).isEqualTo(Events.event().start());
    }

    @Test
    void every_tzid_used_has_its_vtimezone() {
        Calendar calendar = Ics.parse(objects.storedObject(Events.event()));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .singleElement()
                .extracting(tz -> tz.getTimeZoneId().getValue())
                .isEqualTo(Ics.parameter(event.getDateTimeStart(), "TZID"))
                .isEqualTo(Ics.parameter(event.getDateTimeEnd(), "TZID"));
    }

    @Test
    void the_output_is_valid_icalendar_with_crlf_line_endings() throws Exception {
        String text = objects.storedObject(Events.event());

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(Ics.parse(text).validate().hasErrors()).isFalse();
    }

    @Test
    void a_zone_without_a_vtimezone_is_written_in_utc_rather_than_with_a_dangling_tzid() {
        CalendarEvent e = Events.event(
                Instant.parse("2026-06-10T04:00:00Z"), Instant.parse("2026-06-10T05:00:00Z"), ZoneId.of("+02:00"));
        Calendar calendar = Ics.parse(objects.storedObject(e));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20260610T040000Z");
        assertThat(event.getDateTimeStart().getParameter("TZID")).isEmpty();
        assertThat(calendar.getComponents(Component.VTIMEZONE)).isEmpty();
    }

    @Test
    void rendering_the_same_event_twice_gives_the_same_text() {
        assertThat(objects.storedObject(Events.event())).isEqualTo(objects.storedObject(Events.event()));
    }
}

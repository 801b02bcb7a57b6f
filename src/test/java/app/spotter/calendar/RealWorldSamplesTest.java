package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Fixtures written after what Google Calendar and Apple Calendar produce; the one {@link Ics#parse} path reads them
 * and Spotter's output alike, so a property our tests read is read the same way from real clients' objects.
 */
class RealWorldSamplesTest {

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @Test
    void a_google_invitation_reads_through_the_same_parser_as_a_spotter_request() {
        Calendar google = Ics.parse(Ics.fixture("google-invitation.ics"));
        Calendar ours = Ics.parse(objects.invitation(Events.event(), new Organizer("Coach Sam", "sam@example.com"),
                List.of(new Attendee(null, "thandi@example.com")), ItipMethod.REQUEST));

        for (Calendar calendar : List.of(google, ours)) {
            VEvent event = Ics.onlyEvent(calendar);
            assertThat(Ics.value(calendar, "METHOD")).isEqualTo("REQUEST");
            assertThat(Ics.value(event, "ORGANIZER")).isEqualTo("mailto:sam@example.com");
            assertThat(event.<Property>getProperties(Property.ATTENDEE))
                    .extracting(Property::getValue)
                    .contains("mailto:thandi@example.com");
            assertThat(Ics.parameter(event.getDateTimeStart(), "TZID")).isEqualTo("Africa/Johannesburg");
            assertThat(Ics.instant(event.getDateTimeStart())).isEqualTo(Instant.parse("2026-06-10T04:00:00Z"));
            assertThat(Ics.value(event, "LOCATION")).isEqualTo("Studio 2, Rosebank");
        }
    }

    @Test
    void an_apple_export_across_the_spring_change_reads_like_spotters_stored_object() {
        Calendar apple = Ics.parse(Ics.fixture("apple-export.ics"));
        Instant start = Instant.parse("2026-03-29T00:30:00Z");
        Instant end = Instant.parse("2026-03-29T01:30:00Z");
        Calendar ours = Ics.parse(objects.storedObject(Events.event(start, end, ZoneId.of("Europe/London"))));

        for (Calendar calendar : List.of(apple, ours)) {
            VEvent event = Ics.onlyEvent(calendar);
            assertThat(event.getDateTimeStart().getValue()).isEqualTo("20260329T003000");
            assertThat(event.getDateTimeEnd().getValue()).isEqualTo("20260329T023000");
            assertThat(Ics.instant(event.getDateTimeStart())).isEqualTo(start);
            assertThat(Ics.instant(event.getDateTimeEnd())).isEqualTo(end);
            assertThat(Ics.value(event, "TRANSP")).isEqualTo("OPAQUE");
        }
        assertThat(Ics.onlyEvent(apple).getSummary().getValue()).isEqualTo("Sunday run; bring water");
    }

    @Test
    void the_samples_show_what_a_stored_object_must_not_carry() {
        // both clients put METHOD in these files (an email and an export); a CalDAV resource may not (RFC 4791 4.1)
        assertThat(Ics.parse(Ics.fixture("apple-export.ics")).getProperty(Property.METHOD)).isPresent();
        assertThat(Ics.parse(Ics.fixture("google-invitation.ics")).getProperty(Property.METHOD)).isPresent();
        assertThat(Ics.parse(objects.storedObject(Events.event())).getProperty(Property.METHOD)).isEmpty();
    }
}

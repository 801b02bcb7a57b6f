package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Local times and TZIDs across DST changes: the instants must survive the trip through the VTIMEZONE. */
class DaylightSavingTest {

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @ParameterizedTest(name = "{0} {1}..{2} is {3}..{4} local")
    @CsvSource({
        // London springs forward at 01:00 UTC on 29 March 2026: GMT start, BST end
        "Europe/London, 2026-03-29T00:30:00Z, 2026-03-29T01:30:00Z, 20260329T003000, 20260329T023000",
        // London falls back at 01:00 UTC on 25 October 2026: a session wholly after the change
        "Europe/London, 2026-10-25T02:00:00Z, 2026-10-25T03:00:00Z, 20261025T020000, 20261025T030000",
        // and one before it, in BST
        "Europe/London, 2026-10-24T09:00:00Z, 2026-10-24T10:00:00Z, 20261024T100000, 20261024T110000",
        // New York springs forward at 07:00 UTC on 8 March 2026: EST start, EDT end
        "America/New_York, 2026-03-08T06:30:00Z, 2026-03-08T07:30:00Z, 20260308T013000, 20260308T033000",
        // New York falls back at 06:00 UTC on 1 November 2026: a session ending just before the repeated hour
        "America/New_York, 2026-11-01T03:30:00Z, 2026-11-01T04:30:00Z, 20261031T233000, 20261101T003000",
        // Johannesburg has no DST: +02:00 all year
        "Africa/Johannesburg, 2026-12-01T05:00:00Z, 2026-12-01T06:00:00Z, 20261201T070000, 20261201T080000",
    })
    void local_times_carry_the_zone_and_resolve_to_the_booked_instants(
            String zone, Instant start, Instant end, String localStart, String localEnd) {
        Calendar calendar = Ics.parse(objects.storedObject(Events.event(start, end, ZoneId.of(zone))));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(Ics.parameter(event.getDateTimeStart(), "TZID")).isEqualTo(zone);
        assertThat(Ics.parameter(event.getDateTimeEnd(), "TZID")).isEqualTo(zone);
        assertThat(event.getDateTimeStart().getValue()).isEqualTo(localStart);
        assertThat(event.getDateTimeEnd().getValue()).isEqualTo(localEnd);
        assertThat(Ics.instant(event.getDateTimeStart())).isEqualTo(start);
        assertThat(Ics.instant(event.getDateTimeEnd())).isEqualTo(end);
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(tz -> tz.getTimeZoneId().getValue())
                .containsExactly(zone);
    }

    @ParameterizedTest(name = "{0} {1}..{2} is written in UTC at both ends")
    @CsvSource({
        // 00:30Z is 01:30 BST and 01:30Z is 01:30 GMT: the end's local time is the repeated one
        "Europe/London, 2026-10-25T00:30:00Z, 2026-10-25T01:30:00Z",
        "America/New_York, 2026-11-01T05:00:00Z, 2026-11-01T06:30:00Z",
        // an end at 01:30 EDT, the first of New York's two 01:30s
        "America/New_York, 2026-11-01T04:30:00Z, 2026-11-01T05:30:00Z",
        // F1: the start is the first 01:30 (BST), the end 01:00 GMT; libical and python-icalendar read a TZID
        // 01:30 as the second one, which put the start after the end
        "Europe/London, 2027-10-31T00:30:00Z, 2027-10-31T01:00:00Z",
        // a start in the second copy of the repeated hour
        "Europe/London, 2027-10-31T01:15:00Z, 2027-10-31T02:15:00Z",
        // Lord Howe goes back half an hour
        "Australia/Lord_Howe, 2027-04-03T14:45:00Z, 2027-04-03T15:45:00Z",
    })
    void an_event_touching_a_repeated_local_time_is_written_in_utc_at_both_ends(
            String zone, Instant start, Instant end) {
        Calendar calendar = Ics.parse(objects.storedObject(Events.event(start, end, ZoneId.of(zone))));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(event.getDateTimeStart().getValue()).endsWith("Z");
        assertThat(event.getDateTimeEnd().getValue()).endsWith("Z");
        assertThat(event.getDateTimeStart().getParameter("TZID")).isEmpty();
        assertThat(Ics.instant(event.getDateTimeStart())).isEqualTo(start);
        assertThat(Ics.instant(event.getDateTimeEnd())).isEqualTo(end);
        assertThat(calendar.getComponents(Component.VTIMEZONE)).as("no TZID refers to one").isEmpty();
    }
}

package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class FeedTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @Test
    void the_feed_names_the_calendar_its_zone_and_its_refresh_interval() {
        Calendar feed = Ics.parse(objects.feed(List.of(Events.event()), Events.JOHANNESBURG, "Coach Sam; sessions"));

        assertThat(Ics.value(feed, "NAME")).isEqualTo("Coach Sam; sessions");
        assertThat(Ics.value(feed, "X-WR-CALNAME")).isEqualTo("Coach Sam; sessions");
        assertThat(Ics.value(feed, "X-WR-TIMEZONE")).isEqualTo("Africa/Johannesburg");
        assertThat(Ics.value(feed, "REFRESH-INTERVAL")).isEqualTo("PT15M");
        assertThat(Ics.parameter(feed.getProperty("REFRESH-INTERVAL").orElseThrow(), "VALUE")).isEqualTo("DURATION");
        assertThat(Ics.value(feed, "X-PUBLISHED-TTL")).isEqualTo("PT15M");
    }

    @Test
    void the_feed_is_a_snapshot_without_method_organizer_or_attendees() {
        Calendar feed = Ics.parse(objects.feed(List.of(Events.event()), Events.JOHANNESBURG, "Coach Sam"));

        assertThat(feed.getProperty(Property.METHOD)).isEmpty();
        assertThat(Ics.events(feed)).allSatisfy(e -> {
            assertThat(e.getProperties(Property.ATTENDEE)).isEmpty();
            assertThat(e.getProperties(Property.ORGANIZER)).isEmpty();
        });
    }

    @Test
    void a_calendar_name_cannot_inject_a_property() {
        String text = objects.feed(List.of(Events.event()), Events.JOHANNESBURG, "Sam\r\nMETHOD:REQUEST");

        assertThat(Ics.parse(text).getProperty(Property.METHOD)).isEmpty();
        assertThat(Ics.value(Ics.parse(text), "X-WR-CALNAME")).isEqualTo("Sam\nMETHOD:REQUEST");
    }

    @Test
    void there_is_one_vevent_per_event_and_one_vtimezone_per_zone_used() {
        List<CalendarEvent> events = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> events.add(Events.numbered(i, i % 2 == 0 ? Events.JOHANNESBURG : LONDON)));

        Calendar feed = Ics.parse(objects.feed(events, Events.JOHANNESBURG, "Coach Sam"));

        assertThat(Ics.events(feed)).hasSize(10).extracting(e -> Ics.value(e, "UID")).doesNotHaveDuplicates();
        assertThat(feed.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(tz -> tz.getTimeZoneId().getValue())
                .containsExactly("Africa/Johannesburg", "Europe/London");
        for (int i = 0; i < 10; i++) {
            VEvent parsed = Ics.events(feed).get(i);
            assertThat(Ics.instant(parsed.getDateTimeStart())).isEqualTo(events.get(i).start());
        }
    }

    @Test
    void an_empty_feed_is_still_a_valid_calendar() {
        Calendar feed = Ics.parse(objects.feed(List.of(), Events.JOHANNESBURG, "Coach Sam"));

        assertThat(Ics.events(feed)).isEmpty();
        assertThat(feed.getComponents(Component.VTIMEZONE)).isEmpty();
    }

    @Test
    void a_feed_of_5000_events_renders_with_a_single_vtimezone() {
        List<CalendarEvent> events = IntStream.range(0, 5000).mapToObj(i -> Events.numbered(i, LONDON)).toList();

        String text = objects.feed(events, LONDON, "Busy coach");

        assertThat(text.split("BEGIN:VEVENT", -1)).hasSize(5001);
        assertThat(text.split("BEGIN:VTIMEZONE", -1)).hasSize(2);
    }
}

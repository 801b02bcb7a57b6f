package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.Test;

/** The streamed feed says what the whole-rendered one says, event by event. */
class FeedWriterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    private String streamed(List<CalendarEvent> events, ZoneId zone, String name) throws IOException {
        StringWriter out = new StringWriter();
        // the years the whole rendering's VTIMEZONEs cover: those of its events
        int from = events.stream().mapToInt(e -> e.start().atZone(e.zone()).getYear()).min().orElse(2026);
        int to = events.stream().mapToInt(e -> e.end().atZone(e.zone()).getYear()).max().orElse(2026);
        try (FeedWriter feed = objects.feedWriter(out, zone, name, from, to)) {
            for (CalendarEvent e : events) {
                feed.write(e);
            }
        }
        return out.toString();
    }

    @Test
    void eventsInTheDisplayZoneStreamToExactlyTheWholeRendering() throws IOException {
        List<CalendarEvent> events = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> events.add(Events.numbered(i, Events.JOHANNESBURG)));

        assertThat(streamed(events, Events.JOHANNESBURG, "Coach Sam; sessions ñandú 日本"))
                .isEqualTo(objects.feed(events, Events.JOHANNESBURG, "Coach Sam; sessions ñandú 日本"));
    }

    @Test
    void anEventInAZoneOtherThanTheDisplayZoneIsWrittenInUtcSinceItsDefinitionCouldOnlyFollowIt()
            throws IOException {
        List<CalendarEvent> events = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> events.add(Events.numbered(i, i % 2 == 0 ? Events.JOHANNESBURG : LONDON)));

        String text = streamed(events, Events.JOHANNESBURG, "Coach Sam");
        Calendar feed = Ics.parse(text);

        assertThat(Ics.events(feed)).hasSize(6);
        assertThat(feed.<net.fortuna.ical4j.model.component.VTimeZone>getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(text).doesNotContain("Europe/London");
        for (int i = 0; i < 6; i++) {
            assertThat(Ics.instant(Ics.events(feed).get(i).getDateTimeStart())).isEqualTo(events.get(i).start());
        }
        assertThat(text).endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void anEmptyFeedIsAValidCalendar() throws IOException {
        Calendar feed = Ics.parse(streamed(List.of(), Events.JOHANNESBURG, "Coach Sam"));
        assertThat(Ics.events(feed)).isEmpty();
        assertThat(Ics.value(feed, "X-WR-CALNAME")).isEqualTo("Coach Sam");
    }
}

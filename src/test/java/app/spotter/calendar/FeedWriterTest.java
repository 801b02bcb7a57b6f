package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The streamed feed says what the whole-rendered one says, event by event. */
class FeedWriterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern VEVENT = Pattern.compile("BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", Pattern.DOTALL);

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    private String streamed(List<CalendarEvent> events, ZoneId zone, String name) throws IOException {
        StringWriter out = new StringWriter();
        try (FeedWriter feed = objects.feedWriter(out, zone, name, Events.NOW.minus(Duration.ofDays(30)),
                Events.NOW.plus(Duration.ofDays(548)))) {
            for (CalendarEvent e : events) {
                feed.write(e);
            }
        }
        return out.toString();
    }

    private static List<String> vevents(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = VEVENT.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyEventStreamsAsTheSameTextAsInTheWholeRendering() throws IOException {
        List<CalendarEvent> events = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> events.add(Events.numbered(i, Events.JOHANNESBURG)));
        String name = "Coach Sam; sessions ñandú 日本";

        String text = streamed(events, Events.JOHANNESBURG, name);

        assertThat(vevents(text)).hasSize(25).isEqualTo(vevents(objects.feed(events, Events.JOHANNESBURG, name)));
        var feed = Ics.parse(text);
        assertThat(Ics.value(feed, "X-WR-CALNAME")).isEqualTo(name);
        assertThat(feed.<VTimeZone>getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void anEventInAZoneOtherThanTheDisplayZoneIsWrittenInUtcSinceItsDefinitionCouldOnlyFollowIt()
            throws IOException {
        List<CalendarEvent> events = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> events.add(Events.numbered(i, i % 2 == 0 ? Events.JOHANNESBURG : LONDON)));

        String text = streamed(events, Events.JOHANNESBURG, "Coach Sam");
        var feed = Ics.parse(text);

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
        var feed = Ics.parse(streamed(List.of(), Events.JOHANNESBURG, "Coach Sam"));
        assertThat(Ics.events(feed)).isEmpty();
        assertThat(Ics.value(feed, "X-WR-CALNAME")).isEqualTo("Coach Sam");
    }
}

package app.spotter.calendar;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The subscription feed written event by event, so a feed of any size needs memory for one event at a time: each
 * VEVENT is the same text {@link FeedCalendar} renders for it (ical4j's escaping and folding, octet-exact folds).
 * The display zone's VTIMEZONE comes first, covering the feed's window (a year either side, so an event crossing
 * a window edge is covered too). A zone that only appears later is defined once at the end of the calendar,
 * covering the years its events used (RFC 5545 3.6 puts no order on a calendar's components; 3.6.5 asks for one
 * VTIMEZONE per TZID used). Not thread-safe: one writer per response.
 */
public final class FeedWriter implements AutoCloseable {

    private static final String END = "END:VCALENDAR\r\n";

    private final CalendarCommon common;
    private final Writer out;
    private final Instant stamp;
    private final ZoneId displayZone;
    private final Optional<TimeZones.Definition> display;
    private final int fromYear;
    private final int toYear;
    /** Other zones used by local times, with the local years their events span. */
    private final Map<ZoneId, int[]> others = new LinkedHashMap<>();

    FeedWriter(CalendarCommon common, Writer target, ZoneId displayZone, String name, Instant from, Instant to,
            Instant stamp) throws IOException {
        this.common = common;
        this.stamp = stamp;
        this.displayZone = displayZone;
        this.fromYear = from.atZone(ZoneOffset.UTC).getYear() - 1;
        this.toYear = to.atZone(ZoneOffset.UTC).getYear() + 1;
        // ical4j's folding (UTF-16 chars) above the octet-exact one, exactly as ICalendarText stacks them
        this.out = new FoldingWriter(new OctetFoldingWriter(target), FoldingWriter.REDUCED_FOLD_LENGTH);
        this.display = common.zones().definition(displayZone, fromYear, toYear);
        String header = common.calendar(FeedCalendar.headers(displayZone, name),
                display.map(TimeZones.Definition::vTimeZone).stream().toList(), List.of()).toString();
        out.write(header, 0, header.length() - END.length());
    }

    /** Writes one VEVENT. */
    public void write(CalendarEvent e) throws IOException {
        Optional<TimeZones.Definition> definition;
        if (e.zone().equals(displayZone)) {
            // its one VTIMEZONE is already written and a TZID may be defined only once (RFC 5545 3.6.5): a time
            // outside the years it covers is written in UTC, which every reader reads alike
            boolean covered = e.start().atZone(displayZone).getYear() >= fromYear
                    && e.end().atZone(displayZone).getYear() <= toYear;
            definition = covered ? display : Optional.empty();
        } else {
            definition = common.zones().definition(e.zone(), e.start(), e.end(), stamp);
            if (EventProperties.local(e, definition)) {
                others.merge(e.zone(), new int[] {e.start().atZone(e.zone()).getYear(),
                        e.end().atZone(e.zone()).getYear()},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        out.write(new VEvent(new PropertyList(EventProperties.of(e, e.summary(), stamp, definition))).toString());
    }

    /** Defines the other zones events used, ends the calendar and flushes. */
    @Override
    public void close() throws IOException {
        for (Map.Entry<ZoneId, int[]> zone : others.entrySet()) {
            Optional<TimeZones.Definition> definition =
                    common.zones().definition(zone.getKey(), zone.getValue()[0], zone.getValue()[1]);
            if (definition.isPresent()) {
                out.write(definition.get().vTimeZone().toString());
            }
        }
        out.write(END);
        out.flush();
    }
}

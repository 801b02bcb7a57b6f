package app.spotter.calendar;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The subscription feed written event by event, so a feed of any size needs memory for one event at a time: each
 * VEVENT is the same text {@link FeedCalendar} renders for it (ical4j's escaping and folding, octet-exact folds).
 * The display zone's VTIMEZONE comes first, covering the feed's window (a year either side, so an event crossing
 * a window edge is covered too). Any other time is written in UTC (see {@link #write}). Not thread-safe: one writer
 * per response.
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

    /**
     * Writes one VEVENT. An event in a zone other than the display zone is written in UTC: its VTIMEZONE could only
     * follow it, and python-icalendar resolves a TZID while parsing, so a definition after the event is not seen
     * (a zone pytz does not know came out as a floating time). Every event of a trainer's feed is in the display
     * zone anyway.
     */
    public void write(CalendarEvent e) throws IOException {
        Optional<TimeZones.Definition> definition = Optional.empty();
        if (e.zone().equals(displayZone)) {
            // its one VTIMEZONE is already written and a TZID may be defined only once (RFC 5545 3.6.5): a time
            // outside the years it covers is written in UTC, which every reader reads alike
            boolean covered = e.start().atZone(displayZone).getYear() >= fromYear
                    && e.end().atZone(displayZone).getYear() <= toYear;
            definition = covered ? display : Optional.empty();
        }
        if (e.repeating() != null) {
            for (VEvent component : SeriesComponents.of(e, stamp, definition)) {
                out.write(component.toString());
            }
            return;
        }
        out.write(new VEvent(new PropertyList(EventProperties.of(e, e.summary(), stamp, definition))).toString());
    }

    /** Ends the calendar and flushes. */
    @Override
    public void close() throws IOException {
        out.write(END);
        out.flush();
    }
}

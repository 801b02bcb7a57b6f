package app.spotter.calendar;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The subscription feed written event by event, so a feed of any size needs memory for one event at a time: the
 * same text as {@link FeedCalendar} renders whole (same headers, ical4j's escaping and folding, octet-exact folds),
 * with the display zone's VTIMEZONE first. A zone that only appears later is defined at the end of the calendar
 * (RFC 5545 3.6 puts no order on a calendar's components). Not thread-safe: one writer per response.
 */
public final class FeedWriter implements AutoCloseable {

    private static final String END = "END:VCALENDAR\r\n";

    private final CalendarCommon common;
    private final Writer out;
    private final Instant stamp;
    private final ZoneId displayZone;
    private final Map<ZoneId, Optional<TimeZones.Definition>> zones = new LinkedHashMap<>();
    private final int fromYear;
    private final int toYear;

    /**
     * @param fromYear first year the VTIMEZONEs cover: the years are needed before the first event is read, so the
     *     caller passes those of its window
     */
    FeedWriter(CalendarCommon common, Writer target, ZoneId displayZone, String name, Instant stamp, int fromYear,
            int toYear) throws IOException {
        this.common = common;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.stamp = stamp;
        this.displayZone = displayZone;
        // ical4j's folding (UTF-16 chars) above the octet-exact one, exactly as ICalendarText stacks them
        this.out = new FoldingWriter(new OctetFoldingWriter(target), FoldingWriter.REDUCED_FOLD_LENGTH);
        Optional<TimeZones.Definition> display = common.zones().definition(displayZone, fromYear, toYear);
        zones.put(displayZone, display);
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
        Optional<TimeZones.Definition> definition = e.zone().equals(displayZone) ? zones.get(displayZone)
                : Optional.empty();
        out.write(new VEvent(new PropertyList(EventProperties.of(e, e.summary(), stamp, definition))).toString());
    }

    /** Ends the calendar and flushes. */
    @Override
    public void close() throws IOException {
        out.write(END);
        out.flush();
    }
}

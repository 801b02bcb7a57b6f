package app.spotter.calendar;

import app.spotter.booking.SessionType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Every iCalendar object Spotter sends, built with ical4j: CalDAV resources, the subscription feed and iMIP
 * invitations. Thread-safe; one instance serves the application. DTSTAMP comes from the clock, so tests pin it.
 */
public final class CalendarObjects {

    public static final String DEFAULT_PROD_ID = "-//Spotter//Spotter Calendar 1.0//EN";

    private final Clock clock;
    private final CalendarCommon common;

    public CalendarObjects(Clock clock) {
        this(clock, DEFAULT_PROD_ID);
    }

    public CalendarObjects(Clock clock, String prodId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.common = new CalendarCommon(prodId, TimeZones.shared());
    }

    /**
     * A CalDAV calendar object resource (RFC 4791 4.1): one VEVENT, no METHOD. No ORGANIZER or ATTENDEE either:
     * iCloud emails every attendee of a stored event itself.
     */
    public String storedObject(CalendarEvent e, String prodId) {
        CalendarCommon envelope = new CalendarCommon(prodId, common.zones());
        Optional<TimeZones.Definition> zone = envelope.zones().definition(e.zone(), e.start(), e.end(), clock.instant());
        if (e.repeating() != null) {
            return ICalendarText.write(envelope.calendar(List.of(), usedTimeZone(e, zone),
                    SeriesComponents.of(e, clock.instant(), zone)));
        }
        VEvent event = new VEvent(new PropertyList(EventProperties.of(e, e.summary(), clock.instant(), zone)));
        return ICalendarText.write(envelope.calendar(List.of(), usedTimeZone(e, zone), List.of(event)));
    }

    /** The VTIMEZONE when the event's times refer to it (RFC 5545 3.6.5), else none. */
    static List<VTimeZone> usedTimeZone(CalendarEvent e, Optional<TimeZones.Definition> zone) {
        return EventProperties.local(e, zone) ? List.of(zone.orElseThrow().vTimeZone()) : List.of();
    }

    public String storedObject(CalendarEvent e) {
        return storedObject(e, common.prodId());
    }

    /**
     * The subscription feed: one VEVENT per event, one VTIMEZONE per zone used, no METHOD (see {@link FeedCalendar}).
     *
     * @param zone the calendar's display zone (X-WR-TIMEZONE); each event keeps its own TZID
     */
    public String feed(List<CalendarEvent> events, ZoneId zone, String calendarName) {
        return ICalendarText.write(FeedCalendar.build(common, events, zone, calendarName, clock.instant()));
    }

    /**
     * The subscription feed written to {@code out} one event at a time ({@link FeedWriter}); the caller closes the
     * writer to end the calendar, and closes {@code out} itself.
     *
     * @param from start of the feed's window (the display zone's VTIMEZONE covers it)
     * @param to end of the window
     */
    public FeedWriter feedWriter(java.io.Writer out, ZoneId zone, String calendarName, java.time.Instant from,
            java.time.Instant to) throws java.io.IOException {
        return new FeedWriter(common, out, zone, calendarName, from, to, clock.instant());
    }

    /** An iTIP message (RFC 5546) for email, showing the event's own summary. */
    public String invitation(CalendarEvent e, Organizer organizer, List<Attendee> attendees, ItipMethod method) {
        return invitation(e, e.summary(), organizer, attendees, method);
    }

    /**
     * An iTIP REQUEST or CANCEL (RFC 5546 3.2.2, 3.2.5) with METHOD, ORGANIZER and ATTENDEEs.
     *
     * @param summary what the recipients see, e.g. the label alone in the client's copy
     */
    public String invitation(
            CalendarEvent e, String summary, Organizer organizer, List<Attendee> attendees, ItipMethod method) {
        return ICalendarText.write(
                ItipMessages.build(common, e, summary, organizer, List.copyOf(attendees), method, clock.instant()));
    }

    /**
     * An iTIP REQUEST or CANCEL about one occurrence of a series (RECURRENCE-ID {@code recurrenceId}): the
     * occurrence's override alone, or the cancellation of that occurrence alone.
     */
    public String occurrenceInvitation(CalendarEvent series, String summary, java.time.Instant recurrenceId,
            Organizer organizer, List<Attendee> attendees, ItipMethod method) {
        return ICalendarText.write(ItipMessages.occurrence(common, series, summary, recurrenceId, organizer,
                List.copyOf(attendees), method, clock.instant()));
    }

    /** A series' RRULE and EXDATE lines (Google's {@code recurrence}); empty for a single session. */
    public static List<String> recurrenceLines(CalendarEvent e) {
        return e.repeating() == null ? List.of() : SeriesComponents.recurrenceLines(e);
    }

    /**
     * SUMMARY per the sync contract: {@code <label> · <client name>}, or the label alone when the trainer hides
     * client names, and then the name appears nowhere (POPIA s10 minimality).
     */
    /**
     * The trainer's summary of a session that holds several clients: "Group session · 5/8", and with the names
     * ("Group session · 2/8 · Ann Bee, Cas Dee") only when the trainer shows names. A session for one client reads
     * as {@link #summaryFor(SessionType, String, boolean)}.
     */
    public static String summaryFor(SessionType type, List<String> clientDisplayNames, int capacity,
            boolean showClientNames) {
        if (capacity <= 1) {
            return summaryFor(type, clientDisplayNames.isEmpty() ? null : clientDisplayNames.getFirst(),
                    showClientNames);
        }
        String summary = type.label() + " · " + clientDisplayNames.size() + "/" + capacity;
        List<String> names = clientDisplayNames.stream().filter(Objects::nonNull).map(Texts::oneLine)
                .filter(n -> !n.isEmpty()).toList();
        return showClientNames && !names.isEmpty() ? summary + " · " + String.join(", ", names) : summary;
    }

    public static String summaryFor(SessionType type, String clientDisplayName, boolean showClientNames) {
        Objects.requireNonNull(type, "type");
        if (!showClientNames || clientDisplayName == null || Texts.oneLine(clientDisplayName).isEmpty()) {
            return type.label();
        }
        return type.label() + " · " + Texts.oneLine(clientDisplayName);
    }
}

package app.spotter.sync.google;

import app.spotter.calendar.CalendarEvent;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A booking as a Google event. Only what {@link CalendarEvent} carries goes out, and on purpose never a
 * description (notes stay in Spotter, POPIA s26) nor attendees (Google would email the client).
 */
final class GoogleEventMapper {

    /** Marks our events in {@code extendedProperties.private}, which only our OAuth client can read. */
    static final String MARKER = "spotter";
    static final String BOOKING = "spotterBooking";

    private GoogleEventMapper() {}

    static Event toGoogle(CalendarEvent event) {
        return new Event()
                .setId(event.bookingHex())
                .setICalUID(event.uid())
                .setSummary(event.summary())
                .setLocation(event.location())
                .setStart(at(event.start(), event.zone()))
                .setEnd(at(event.end(), event.zone()))
                .setColorId(GoogleColors.nearestColorId(event.colorHex()))
                .setSequence(event.sequence())
                // Explicit, so an update also brings back an event that was deleted (cancelled) in Google.
                .setStatus("confirmed")
                .setReminders(new Event.Reminders().setUseDefault(true))
                .setExtendedProperties(new Event.ExtendedProperties()
                        .setPrivate(Map.of(MARKER, "1", BOOKING, event.bookingId().toString())));
    }

    /**
     * A series as Google's recurring event: the master carries RRULE and EXDATE in {@code recurrence} (Google's
     * events resource, "recurrence": RFC 5545 lines; start.timeZone is required for a recurring event). Its
     * changed occurrences are written as instances ({@link #toInstance}).
     */
    static Event toGoogleSeries(CalendarEvent event) {
        return toGoogle(event).setRecurrence(app.spotter.calendar.CalendarObjects.recurrenceLines(event));
    }

    /** One changed occurrence as an instance of the recurring event {@code masterId}. */
    static Event toInstance(String masterId, app.spotter.calendar.Repeating.Override o, ZoneId zone) {
        CalendarEvent e = o.event();
        return new Event()
                .setRecurringEventId(masterId)
                .setOriginalStartTime(at(o.recurrenceId(), zone))
                .setSummary(e.summary())
                .setLocation(e.location())
                .setStart(at(e.start(), zone))
                .setEnd(at(e.end(), zone))
                .setColorId(GoogleColors.nearestColorId(e.colorHex()))
                .setStatus("confirmed")
                .setExtendedProperties(new Event.ExtendedProperties()
                        .setPrivate(Map.of(MARKER, "1", BOOKING, e.bookingId().toString())));
    }

    /**
     * An occurrence Spotter has not moved, as the rule gives it with the series' content: what an instance moved,
     * deleted or edited in Google is put back to.
     */
    static Event toInstance(String masterId, Instant originalStart, CalendarEvent series, Instant start,
            Instant end) {
        ZoneId zone = series.zone();
        return new Event()
                .setRecurringEventId(masterId)
                .setOriginalStartTime(at(originalStart, zone))
                .setSummary(series.summary())
                .setLocation(series.location())
                .setStart(at(start, zone))
                .setEnd(at(end, zone))
                .setColorId(GoogleColors.nearestColorId(series.colorHex()))
                .setStatus("confirmed")
                .setExtendedProperties(new Event.ExtendedProperties()
                        .setPrivate(Map.of(MARKER, "1", BOOKING, series.bookingId().toString())));
    }

    static boolean isOurs(Event event) {
        return event.getExtendedProperties() != null
                && event.getExtendedProperties().getPrivate() != null
                && "1".equals(event.getExtendedProperties().getPrivate().get(MARKER));
    }

    /**
     * The instant written with the zone's own offset, plus the IANA zone: Google keeps the absolute time and shows
     * it in that zone, so a session never shifts when the trainer's Google account is set to another zone.
     */
    static EventDateTime at(Instant instant, ZoneId zone) {
        int offsetMinutes = zone.getRules().getOffset(instant).getTotalSeconds() / 60;
        return new EventDateTime()
                .setDateTime(new DateTime(false, instant.toEpochMilli(), offsetMinutes))
                .setTimeZone(zone.getId());
    }
}

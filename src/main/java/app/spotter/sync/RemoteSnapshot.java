package app.spotter.sync;

import java.time.Instant;

/**
 * What a calendar holds now for one of Spotter's events, as far as deciding a remote change needs it: its time,
 * whether it was cancelled there, whether it repeats, and its title (for the trainer's notice only).
 *
 * @param etag the calendar's etag of what was read, or null
 * @param start the event's start (a repeating event: its first occurrence), null when it has none
 * @param end the event's end, null when it has none
 * @param cancelled the calendar marks it cancelled (Google {@code status: cancelled}, iCalendar
 *     {@code STATUS:CANCELLED}, RFC 5545 3.8.1.11)
 * @param repeating it carries a recurrence rule or occurrence overrides
 * @param summary its title, or null
 * @param series the rule, exclusions and overrides of a repeating event when the calendar could read them
 *     (CalDAV), else null
 */
public record RemoteSnapshot(String etag, Instant start, Instant end, boolean cancelled, boolean repeating,
        String summary, RemoteSeries series) {

    /** A single event, or one whose recurrence this calendar does not report. */
    public RemoteSnapshot(String etag, Instant start, Instant end, boolean cancelled, boolean repeating,
            String summary) {
        this(etag, start, end, cancelled, repeating, summary, null);
    }
}

package app.spotter.sync;

/**
 * One calendar of a connected account (a CalDAV collection, a Google calendarList entry), for busy times.
 *
 * @param id the provider's id (CalDAV collection URL, Google calendar id)
 * @param name what the trainer calls it
 * @param primary the account's default personal calendar (busy unless the trainer says otherwise)
 * @param spotters the calendar Spotter writes sessions to: never busy for Spotter itself
 * @param version a value that changes whenever its events do (CalDAV ctag or sync-token), or null when the
 *     listing tells nothing: equal to the last read's, the stored intervals are current without another request
 */
public record ExternalCalendar(String id, String name, boolean primary, boolean spotters, String version) {}

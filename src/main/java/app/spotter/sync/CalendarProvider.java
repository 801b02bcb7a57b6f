package app.spotter.sync;

import app.spotter.calendar.CalendarEvent;
import app.spotter.preferences.SyncPreferences;

/**
 * The one narrow seam between the sync engine and a calendar service. An adapter per provider implements it;
 * the engine decides what to do and calls these. Every method is idempotent from the calendar's point of view:
 * identities are deterministic (UID / resource name / event id derive from the booking id), so a retry after a
 * lost response never creates a second event.
 *
 * <p>Failures are reported as {@link SyncFailure}: transient ones are retried with backoff, auth ones stop the
 * connection until the trainer reconnects, permanent ones are shown in words.
 *
 * <p>Everything provider-specific the engine needs is asked here, so a new calendar service is one new package
 * (an implementation of this, plus {@link PasswordConnector} or {@link OAuthConnector} for connecting) and one
 * constant in {@link Provider}; the engine never imports an adapter.
 */
public interface CalendarProvider {

    Provider provider();

    /** The id this calendar will know the event by (derived from the booking, so known before any request). */
    default String externalId(CalendarEvent event) {
        return event.bookingHex();
    }

    /**
     * Fingerprint of everything this calendar shows of {@code event}; equal fingerprint = nothing to send. A
     * provider that sends several copies (email: one per recipient) includes each copy and who receives it.
     */
    default String fingerprint(Connection connection, CalendarEvent event) {
        return ContentHash.of(event);
    }

    /**
     * Makes the calendar hold {@code event} as given. {@code previous} is what Spotter last wrote (null when it
     * never wrote this booking to this calendar); a create that finds the event already there updates it.
     */
    RemoteEvent upsert(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure;

    /**
     * Removes the event (cloud calendars) or announces its cancellation (email). A calendar that answers that
     * the event is already gone (404, 410, Google "cancelled") counts as success.
     */
    void remove(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure;

    /**
     * Cheap "has anything changed there?" read used by a sync round: one request per connection. Returns the
     * new sync token and the external ids that changed since {@code syncToken} (null: first read).
     */
    RemoteChanges changesSince(Connection connection, String syncToken) throws SyncFailure;

    /**
     * Reads what the calendar holds now for one of Spotter's events (one request, with a deadline and a size cap),
     * so that a change made there can be taken as the trainer's intent. Empty when this calendar cannot be read
     * back this way, or the object is not an event Spotter can read; then a change there is put back.
     *
     * @return empty when unsupported; {@link ReadResult.Gone} only on a confirmed 404/410 (or Google "cancelled")
     */
    default java.util.Optional<ReadResult> read(Connection connection, RemoteEvent event) throws SyncFailure {
        return java.util.Optional.empty();
    }

    /** Whether the trainer has this calendar turned on (each calendar has its own switch in the preferences). */
    boolean enabled(SyncPreferences preferences);

    /** The preferences with this calendar's switch set to {@code on}. */
    SyncPreferences withEnabled(SyncPreferences preferences, boolean on);

    /**
     * The seed's {@code bookings} column that mirrors this calendar's event id, or null when there is none. It
     * must be a constant (it is written into SQL as a column name).
     */
    default String bookingColumn() {
        return null;
    }

    /** Whether sync rounds ask this calendar what changed there; a calendar that cannot be read back has none. */
    default boolean readsChanges() {
        return true;
    }

    /**
     * Why this calendar cannot be connected on this server as it is configured now, in words for the trainer
     * (email without an SMTP server), or null when it can. A connect is refused with this reason rather than
     * stored as a connection that could only fail.
     */
    default String cannotConnectReason() {
        return null;
    }

    /** A sentence the status shows next to this connection (e.g. whom invitations cannot reach), or null. */
    default String statusNote(Connection connection) {
        return null;
    }

    /** Reading busy times from the account's other calendars, when this calendar service has any. */
    default java.util.Optional<BusyCalendarReader> busyCalendars() {
        return java.util.Optional.empty();
    }
}

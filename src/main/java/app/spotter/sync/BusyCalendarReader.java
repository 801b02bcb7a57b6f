package app.spotter.sync;

import java.time.Instant;
import java.util.List;

/**
 * The optional part of an adapter that reads busy times from the trainer's own calendars (a calendar service
 * without calendars, such as email, has none: see {@link CalendarProvider#busyCalendars()}). Both calls are
 * remote: never inside a database transaction.
 */
public interface BusyCalendarReader {

    /** Every event calendar of the account. */
    List<ExternalCalendar> calendars(Connection connection) throws SyncFailure;

    /**
     * Busy intervals of {@code calendar} overlapping [from, to): recurring events expanded with their exceptions;
     * transparent, cancelled and declined events and Spotter's own left out.
     *
     * @param zone the trainer's zone, where floating and all-day times are read
     */
    BusyRead busy(Connection connection, ExternalCalendar calendar, Instant from, Instant to,
            java.time.ZoneId zone) throws SyncFailure;
}

package app.spotter.sync.caldav;

import app.spotter.sync.BusyCalendarReader;
import app.spotter.sync.BusyRead;
import app.spotter.sync.Connection;
import app.spotter.sync.ExternalCalendar;
import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Busy times from the trainer's other CalDAV calendars: every VEVENT calendar in the calendar home that discovery
 * found. The listing (one PROPFIND for the account) carries each calendar's sync-token or ctag, so an unchanged
 * calendar costs no request of its own; a changed one is read with a calendar-query over the window and expanded
 * here ({@link BusyExpansion}).
 *
 * <p>The account's default calendar is, absent a standard way to ask every server, the first event calendar
 * other than Spotter's in the order of their addresses.
 */
final class CalDavBusyReader implements BusyCalendarReader {

    private final CalDavClients clients;
    private final String ownUidSuffix;

    CalDavBusyReader(CalDavClients clients, String uidDomain) {
        this.clients = clients;
        this.ownUidSuffix = "@" + uidDomain;
    }

    @Override
    public List<ExternalCalendar> calendars(Connection connection) throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        String spotters = connection.setting(AppleConnector.CALENDAR_URL);
        List<CalendarCollection> events = new ArrayList<>(client.listCalendars().stream()
                .filter(CalendarCollection::acceptsEvents).toList());
        events.sort(Comparator.comparing(c -> c.href().toString()));
        List<ExternalCalendar> result = new ArrayList<>();
        boolean primaryTaken = false;
        for (CalendarCollection c : events) {
            boolean ours = spotters != null && Hrefs.asCollection(URI.create(spotters)).equals(c.href());
            boolean primary = !ours && !primaryTaken;
            primaryTaken |= primary;
            String name = c.displayName() != null ? c.displayName() : lastSegment(c.href());
            result.add(new ExternalCalendar(c.href().toString(), name, primary, ours, c.version()));
        }
        return result;
    }

    @Override
    public BusyRead busy(Connection connection, ExternalCalendar calendar, Instant from, Instant to, ZoneId zone)
            throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        List<String> objects = client.eventsBetween(URI.create(calendar.id()), from, to);
        String username = connection.setting(AppleConnector.USERNAME);
        Set<String> own = username == null ? Set.of() : Set.of(username.toLowerCase(Locale.ROOT));
        return new BusyRead(calendar.version(), new BusyExpansion(ownUidSuffix, own, zone).intervals(objects, from, to));
    }

    private static String lastSegment(URI href) {
        String path = href.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}

package app.spotter.sync.caldav;

import app.spotter.sync.Connection;
import app.spotter.sync.ConnectionRequests;
import app.spotter.sync.PasswordConnector;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Connects a trainer's Apple (iCloud) or other CalDAV account: discovers the calendar home from the base URL
 * (RFC 6764, current-user-principal, calendar-home-set), finds the calendar by name or creates it (MKCALENDAR),
 * and returns the connection to store. Nothing is stored when the server refuses.
 */
@Component
class AppleConnector implements PasswordConnector {

    static final String ICLOUD = ConnectionRequests.ICLOUD;
    static final String SERVER_URL = "server_url";
    static final String USERNAME = "username";
    static final String CALENDAR_URL = "calendar_url";
    static final String CALENDAR_NAME = "calendar_name";

    private final CalDavClients clients;

    AppleConnector(CalDavClients clients) {
        this.clients = clients;
    }

    @Override
    public Provider provider() {
        return Provider.APPLE;
    }

    @Override
    public Connection connect(UUID trainerId, String username, String appPassword, URI serverUrl, String calendarName)
            throws SyncFailure {
        CalDavClient client = clients.forTrial(serverUrl, username, appPassword);
        CalendarCollection calendar = client.findOrCreateCalendar(calendarName);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SERVER_URL, serverUrl.toString());
        settings.put(USERNAME, username);
        settings.put(CALENDAR_NAME, calendarName);
        settings.put(CALENDAR_URL, calendar.href().toString());
        return new Connection(trainerId, Provider.APPLE, settings, appPassword);
    }

    @Override
    public String calendarUrl(Connection connection) {
        return connection.setting(CALENDAR_URL);
    }
}

package app.spotter.sync;

import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sync module's entry: connections, status, "sync now". */
@Service
public class CalendarSync {

    private final ConnectionStore connections;
    private final StatusStore status;
    private final MirrorStore mirrors;
    private final SyncQueue queue;
    private final Preferences preferences;
    private final EventRemover remover;
    private final app.spotter.sync.caldav.AppleConnector appleConnector;
    private final app.spotter.sync.google.GoogleConnector google;
    private final MissingClientAddresses missingAddresses;

    CalendarSync(ConnectionStore connections, StatusStore status, MirrorStore mirrors, SyncQueue queue,
            Preferences preferences, EventRemover remover, app.spotter.sync.caldav.AppleConnector appleConnector,
            app.spotter.sync.google.GoogleConnector google, MissingClientAddresses missingAddresses) {
        this.google = google;
        this.appleConnector = appleConnector;
        this.remover = remover;
        this.missingAddresses = missingAddresses;
        this.connections = connections;
        this.status = status;
        this.mirrors = mirrors;
        this.queue = queue;
        this.preferences = preferences;
    }

    /** One status per connected calendar, as the trainer should read it now. */
    public List<SyncStatus> status(UUID trainerId) {
        SyncPreferences prefs = preferences.get(trainerId);
        Map<Provider, SyncStatus> rows = new java.util.EnumMap<>(Provider.class);
        status.list(trainerId).forEach(s -> rows.put(s.provider(), s));
        List<SyncStatus> result = new ArrayList<>();
        for (Provider provider : connections.connected(trainerId)) {
            SyncStatus row = rows.get(provider);
            String state = row == null ? SyncStatus.OK : row.syncStatus();
            if (!ProviderStep.enabled(prefs, provider)) {
                state = SyncStatus.DISABLED;
            }
            String message = row == null ? null : row.errorMessage();
            if (provider == Provider.EMAIL) {
                message = join(message, missingAddresses.note(trainerId));
            }
            result.add(new SyncStatus(provider, row == null ? null : row.lastSync(), state,
                    mirrors.count(trainerId, provider), message));
        }
        return result;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    /** Pushes everything that is waiting, and checks every booking against every calendar, now. */
    @Transactional
    public void syncNow(UUID trainerId, Optional<Provider> provider) {
        provider.ifPresent(p -> connections.find(trainerId, p)
                .orElseThrow(() -> new IllegalArgumentException(p.value() + " is not connected")));
        queue.now(trainerId);
        for (Provider connected : connections.connected(trainerId)) {
            if (provider.isEmpty() || provider.get() == connected) {
                queue.round(trainerId, connected);
            }
        }
    }

    /**
     * Connects Apple iCloud or any CalDAV server: discovery and calendar creation happen now, so bad credentials
     * are answered at once (422, nothing stored) rather than discovered by the first sync.
     */
    @Transactional
    public String connectApple(UUID trainerId, String username, String appPassword, java.net.URI serverUrl,
            String calendarName) {
        Connection connection;
        try {
            connection = appleConnector.connect(trainerId, username, appPassword, serverUrl, calendarName);
        } catch (SyncFailure failure) {
            if (failure.kind() == SyncFailure.Kind.TRANSIENT) {
                throw new app.spotter.support.web.ApiProblem(org.springframework.http.HttpStatus.BAD_GATEWAY,
                        "Calendar server unavailable", failure.getMessage() + " Try again in a moment.",
                        List.of());
            }
            throw app.spotter.support.web.ApiProblem.unprocessable(failure.getMessage());
        }
        connected(connection);
        return app.spotter.sync.caldav.AppleConnector.calendarUrl(connection);
    }

    /** Google needs a client id and secret from configuration; without them it cannot be connected. */
    public boolean googleConfigured() {
        return google.configured();
    }

    /** Starts the OAuth round trip; the callback completes it (see GoogleCallback). */
    public String googleAuthorizationUrl(UUID trainerId) {
        if (!google.configured()) {
            throw app.spotter.support.web.ApiProblem.unprocessable("Google is not configured on this Spotter "
                    + "server (SPOTTER_GOOGLE_CLIENT_ID and SPOTTER_GOOGLE_CLIENT_SECRET).");
        }
        return google.start(trainerId).authorizationUrl();
    }

    /** Email invitations: no secret, only who receives them. */
    @Transactional
    public void connectEmail(UUID trainerId, String trainerAddress, boolean sendToClients) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (trainerAddress != null) {
            settings.put("trainer_address", trainerAddress);
        }
        settings.put("send_to_clients", String.valueOf(sendToClients));
        connected(new Connection(trainerId, Provider.EMAIL, settings, null));
    }

    /** Stores a connection (secret sealed), turns the calendar on and reconciles everything with it. */
    @Transactional
    public void connected(Connection connection) {
        UUID trainerId = connection.trainerId();
        connections.lockTrainer(trainerId);
        connections.save(connection);
        status.set(trainerId, connection.provider(), SyncStatus.OK);
        SyncPreferences prefs = preferences.update(trainerId, p -> withEnabled(p, connection.provider(), true));
        queue.everything(trainerId, prefs);
    }

    /**
     * Forgets a calendar. With {@code removeEvents}, Spotter first takes its events out of it (docs/architecture.md);
     * without, they stay there and Spotter stops touching them.
     */
    @Transactional
    public boolean disconnect(UUID trainerId, Provider provider, boolean removeEvents) {
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        if (stored.isEmpty()) {
            return false;
        }
        if (removeEvents) {
            remover.removeAll(stored.get().connection());
        }
        preferences.update(trainerId, p -> withEnabled(p, provider, false));
        mirrors.forgetAll(trainerId, provider);
        connections.delete(trainerId, provider);
        status.delete(trainerId, provider);
        return true;
    }

    static SyncPreferences withEnabled(SyncPreferences p, Provider provider, boolean on) {
        return new SyncPreferences(p.trainerId(),
                provider == Provider.GOOGLE ? on : p.googleCalendarEnabled(),
                provider == Provider.APPLE ? on : p.appleCalendarEnabled(),
                provider == Provider.EMAIL ? on : p.emailCalendarEnabled(),
                p.syncFrequency(), p.calendarViewDefault(), p.showClientNames(), p.sessionColors(),
                p.timezoneDisplay());
    }
}

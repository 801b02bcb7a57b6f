package app.spotter.sync.engine;

import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.OAuthConnector;
import app.spotter.sync.PasswordConnector;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync module's entry: connections, status, "sync now". Provider-specific work is asked of the adapters
 * through {@link ProviderRegistry}; this class never names a concrete adapter.
 */
@Service
public class CalendarSync {

    private final ConnectionStore connections;
    private final StatusStore status;
    private final MirrorStore mirrors;
    private final SyncQueue queue;
    private final Preferences preferences;
    private final ProviderRegistry registry;
    private final TransactionTemplate tx;
    private final RemovedThere removedThere;

    CalendarSync(ConnectionStore connections, StatusStore status, MirrorStore mirrors, SyncQueue queue,
            Preferences preferences, ProviderRegistry registry,
            PlatformTransactionManager transactions, RemovedThere removedThere) {
        this.removedThere = removedThere;
        this.connections = connections;
        this.status = status;
        this.mirrors = mirrors;
        this.queue = queue;
        this.preferences = preferences;
        this.registry = registry;
        this.tx = new TransactionTemplate(transactions);
    }

    private List<app.spotter.sync.StatusNote> notes = List.of();

    /** Other modules' notes on an account (busy times that could not be read), joined to its status message. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void statusNotes(List<app.spotter.sync.StatusNote> notes) {
        this.notes = List.copyOf(notes);
    }

    /** Bookings removed from a calendar and waiting for the trainer's choice; of one booking when it is given. */
    public List<app.spotter.sync.RemovedEvent> removedFromCalendars(UUID trainerId, UUID bookingId) {
        return removedThere.list(trainerId, bookingId).stream()
                .map(r -> new app.spotter.sync.RemovedEvent(r.bookingId(), r.provider(), r.removedAt(),
                        r.wholeSeries())).toList();
    }

    /**
     * "Put it back": the event goes back into the calendars it was deleted from (all of them when none is named).
     *
     * @return the calendars it goes back to; empty when it was removed from none of them
     */
    public List<Provider> putBack(UUID trainerId, UUID bookingId, Optional<Provider> provider) {
        return removedThere.putBack(trainerId, bookingId,
                provider.map(List::of).orElseGet(() -> List.of(Provider.values())));
    }

    /** One status per connected calendar, as the trainer should read it now. */
    public List<SyncStatus> status(UUID trainerId) {
        SyncPreferences prefs = preferences.get(trainerId);
        Map<Provider, SyncStatus> rows = new EnumMap<>(Provider.class);
        status.list(trainerId).forEach(s -> rows.put(s.provider(), s));
        List<SyncStatus> result = new ArrayList<>();
        for (ConnectionStore.Stored stored : connections.all(trainerId)) {
            Provider provider = stored.connection().provider();
            SyncStatus row = rows.get(provider);
            String state = row == null ? SyncStatus.OK : row.syncStatus();
            if (!registry.enabled(prefs, provider)) {
                state = SyncStatus.DISABLED;
            }
            String message = row == null ? null : row.errorMessage();
            if (stored.state() == ConnectionStore.State.DRAINING && !SyncStatus.NEEDS_RECONNECT.equals(state)) {
                state = SyncStatus.SYNCING;
                message = join("Disconnecting: Spotter is removing its events from this calendar.", message);
            }
            Optional<CalendarProvider> adapter = registry.find(provider);
            if (adapter.isPresent()) {
                message = join(message, adapter.get().statusNote(stored.connection()));
            }
            for (app.spotter.sync.StatusNote note : notes) {
                message = join(message, note.note(trainerId, provider));
            }
            result.add(new SyncStatus(provider, row == null ? null : row.lastSync(), state,
                    mirrors.count(trainerId, provider), message));
        }
        return result;
    }

    /**
     * A connected calendar's non-secret settings (server, user name, calendar, addresses), for the trainer to see
     * which account is connected; empty when not connected. The secret never leaves the connection store.
     */
    public Map<String, String> accountSettings(UUID trainerId, Provider provider) {
        return connections.find(trainerId, provider).map(s -> Map.copyOf(s.connection().settings())).orElse(Map.of());
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    /**
     * Pushes everything that is waiting, and asks every calendar that can be read back what changed there (one
     * round each), now. A calendar in step costs that one round.
     */
    @Transactional
    public void syncNow(UUID trainerId, Optional<Provider> provider) {
        provider.ifPresent(p -> connections.find(trainerId, p)
                .orElseThrow(() -> new IllegalArgumentException(p.value() + " is not connected")));
        queue.now(trainerId);
        for (Provider connected : connections.connected(trainerId)) {
            if ((provider.isEmpty() || provider.get() == connected)
                    && registry.find(connected).map(CalendarProvider::readsChanges).orElse(false)) {
                queue.round(trainerId, connected);
            }
        }
    }

    /**
     * Connects Apple iCloud or any CalDAV server: discovery and calendar creation happen now, so bad credentials
     * are answered at once (422, nothing stored) rather than discovered by the first sync. They run before the
     * transaction that stores the connection: a slow server holds no database connection or lock.
     */
    public String connectApple(UUID trainerId, String username, String appPassword, URI serverUrl,
            String calendarName) {
        PasswordConnector connector = registry.passwordConnector(Provider.APPLE).orElseThrow();
        Connection connection;
        try {
            connection = connector.connect(trainerId, username, appPassword, serverUrl, calendarName);
        } catch (SyncFailure failure) {
            if (failure.kind() == SyncFailure.Kind.TRANSIENT) {
                throw new ApiProblem(HttpStatus.BAD_GATEWAY, "Calendar server unavailable",
                        failure.getMessage() + " Try again in a moment.", List.of());
            }
            throw ApiProblem.unprocessable(failure.getMessage());
        }
        connected(connection);
        return connector.calendarUrl(connection);
    }

    /** Google needs a client id and secret from configuration; without them it cannot be connected. */
    public boolean googleConfigured() {
        return registry.oauthConnector(Provider.GOOGLE).map(OAuthConnector::configured).orElse(false);
    }

    /** Starts the OAuth round trip; the callback completes it (see OAuthCallback). */
    public String googleAuthorizationUrl(UUID trainerId) {
        if (!googleConfigured()) {
            throw ApiProblem.unprocessable("Google is not configured on this Spotter "
                    + "server (SPOTTER_GOOGLE_CLIENT_ID and SPOTTER_GOOGLE_CLIENT_SECRET).");
        }
        return registry.oauthConnector(Provider.GOOGLE).orElseThrow().authorizationUrl(trainerId);
    }

    /**
     * Why {@code provider} cannot be connected on this server now (email without SMTP), in words; empty when it
     * can. The web page shows the same sentence the API answers with.
     */
    public Optional<String> cannotConnect(Provider provider) {
        return registry.find(provider).map(CalendarProvider::cannotConnectReason);
    }

    /**
     * Email invitations: no secret, only who receives them. Refused (422) while the server has no SMTP: such a
     * connection could only retry for ever.
     */
    public void connectEmail(UUID trainerId, String trainerAddress, boolean sendToClients) {
        cannotConnect(Provider.EMAIL).ifPresent(reason -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Email cannot be sent from this server", reason,
                    List.of());
        });
        Map<String, String> settings = new LinkedHashMap<>();
        if (trainerAddress != null) {
            settings.put("trainer_address", trainerAddress);
        }
        settings.put("send_to_clients", String.valueOf(sendToClients));
        connected(new Connection(trainerId, Provider.EMAIL, settings, null));
    }

    /** Stores a connection (secret sealed), turns the calendar on and reconciles everything with it. */
    public void connected(Connection connection) {
        tx.executeWithoutResult(t -> {
            UUID trainerId = connection.trainerId();
            connections.lockTrainer(trainerId);
            connections.save(connection);
            status.set(trainerId, connection.provider(), SyncStatus.OK);
            SyncPreferences before = preferences.get(trainerId);
            SyncPreferences prefs = preferences.update(trainerId,
                    p -> registry.withEnabled(p, connection.provider(), true));
            if (registry.enabled(before, connection.provider())) {
                // already on (a reconnect): nothing publishes "turned on", so the backlog is enqueued here. Turning
                // it on publishes PreferencesChanged, whose listener enqueues it (once; doing both doubled the work)
                queue.everything(trainerId, prefs);
            }
        });
    }

    /**
     * Forgets a calendar. With {@code removeEvents}, Spotter takes its events out of it first (docs/architecture.md): the
     * connection is marked as draining and the engine removes the events in the background (no request to the
     * calendar runs inside this transaction); the connection goes when the last one is out. Without, the events
     * stay there and Spotter stops touching them at once.
     */
    @Transactional
    public boolean disconnect(UUID trainerId, Provider provider, boolean removeEvents) {
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        if (stored.isEmpty()) {
            return false;
        }
        if (removeEvents && mirrors.anyFor(trainerId, provider)) {
            connections.markDraining(trainerId, provider);
            queue.drain(trainerId, provider);
            return true;
        }
        preferences.update(trainerId, p -> registry.withEnabled(p, provider, false));
        mirrors.forgetAll(trainerId, provider);
        connections.delete(trainerId, provider);
        status.delete(trainerId, provider);
        return true;
    }

    /**
     * Lists the calendars of every connected account whose calendar service has them (a remote call per account:
     * never inside a transaction). Accounts waiting for a reconnect or being disconnected are left out.
     */
    public List<app.spotter.sync.AccountCalendars> calendars(UUID trainerId) {
        List<app.spotter.sync.AccountCalendars> result = new ArrayList<>();
        for (ConnectionStore.Stored stored : connections.all(trainerId)) {
            if (stored.state() != ConnectionStore.State.ACTIVE) {
                continue;
            }
            Connection connection = stored.connection();
            Optional<app.spotter.sync.BusyCalendarReader> reader =
                    registry.find(connection.provider()).flatMap(CalendarProvider::busyCalendars);
            if (reader.isEmpty()) {
                continue;
            }
            if (stored.parkedUntil() != null) {
                // parked by the circuit breaker: its probe alone talks to this server; busy times are then stale
                result.add(new app.spotter.sync.AccountCalendars(connection.provider(), List.of(),
                        "Paused after repeated failures, so busy times from this account may be out of date."));
                continue;
            }
            try {
                result.add(new app.spotter.sync.AccountCalendars(connection.provider(), reader.get().calendars(connection), null));
            } catch (SyncFailure failure) {
                result.add(new app.spotter.sync.AccountCalendars(connection.provider(), List.of(), failure.getMessage()));
            }
        }
        return result;
    }

    /** Reads one calendar's busy intervals in [from, to) (a remote call: never inside a transaction). */
    public app.spotter.sync.BusyRead busy(UUID trainerId, app.spotter.sync.ExternalCalendar calendar,
            Provider provider, java.time.Instant from, java.time.Instant to, java.time.ZoneId zone)
            throws SyncFailure {
        ConnectionStore.Stored stored = connections.find(trainerId, provider)
                .filter(s -> s.state() == ConnectionStore.State.ACTIVE)
                .orElseThrow(() -> SyncFailure.auth(provider.value() + " is not connected."));
        app.spotter.sync.BusyCalendarReader reader = registry.find(provider)
                .flatMap(CalendarProvider::busyCalendars)
                .orElseThrow(() -> SyncFailure.permanent(provider.value() + " has no calendars to read.", null));
        return reader.busy(stored.connection(), calendar, from, to, zone);
    }
}

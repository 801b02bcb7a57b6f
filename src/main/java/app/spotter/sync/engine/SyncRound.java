package app.spotter.sync.engine;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.PendingStore;
import app.spotter.sync.store.StatusStore;

import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A sync round for one connection: one "what changed there?" request (RFC 6578 sync-collection, Google syncToken),
 * then repair. Spotter owns its events, so an event edited or deleted in the calendar is put back; changes whose
 * etag is the one Spotter itself wrote are echoes and cost nothing. With nothing changed a round is one request
 * and a constant number of statements, however many events the calendar holds (docs/BENCHMARKS.md "scale").
 */
@Component
class SyncRound {

    private final ConnectionStore connections;
    private final MirrorStore mirrors;
    private final StatusStore status;
    private final ProviderRegistry registry;
    private final PendingStore pending;
    private final SyncQueue queue;
    private final Preferences preferences;
    private final Clock clock;

    SyncRound(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            PendingStore pending, SyncQueue queue, Preferences preferences, Clock clock) {
        this.clock = clock;
        this.connections = connections;
        this.mirrors = mirrors;
        this.status = status;
        this.registry = registry;
        this.pending = pending;
        this.queue = queue;
        this.preferences = preferences;
    }

    void run(UUID trainerId, Provider provider) {
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        Optional<CalendarProvider> adapter = registry.find(provider);
        SyncPreferences prefs = preferences.get(trainerId);
        if (stored.isEmpty() || adapter.isEmpty() || stored.get().state() != ConnectionStore.State.ACTIVE
                || !adapter.get().enabled(prefs) || stored.get().parkedUntil() != null) {
            return; // a parked calendar hears from its probe alone
        }
        RemoteChanges changes;
        try {
            changes = adapter.get().changesSince(stored.get().connection(), stored.get().syncToken());
        } catch (SyncFailure failure) {
            // a failed read never changes a booking (docs/architecture.md "Provider facts"); only the status says so
            if (failure.kind() == SyncFailure.Kind.AUTH) {
                connections.markNeedsReconnect(trainerId, provider);
                status.failed(trainerId, provider, SyncStatus.NEEDS_RECONNECT, failure.getMessage());
            } else {
                status.failed(trainerId, provider, SyncStatus.ERROR, failure.getMessage());
            }
            return;
        }
        boolean anything = changes.fullResync() || !changes.changed().isEmpty() || !changes.removedIds().isEmpty();
        if (anything) {
            repair(trainerId, provider, changes, prefs);
        }
        if (!Objects.equals(changes.syncToken(), stored.get().syncToken())) {
            connections.saveSyncToken(trainerId, provider, changes.syncToken());
        }
        // O(changes): only a full listing (a refused token) recounts the mirror; a quiet round touches one row
        if (changes.fullResync()) {
            status.ok(trainerId, provider);
        } else {
            status.roundOk(trainerId, provider);
        }
    }

    private void repair(UUID trainerId, Provider provider, RemoteChanges changes, SyncPreferences prefs) {
        // our rows for what changed there; all of them only when the calendar was listed in full
        Map<String, String> ours = changes.fullResync() ? mirrors.etags(trainerId, provider)
                : mirrors.etags(trainerId, provider, union(changes.changed().keySet(), changes.removedIds()));
        Set<String> drifted = new HashSet<>();
        changes.changed().forEach((id, etag) -> {
            String mine = ours.get(id);
            if (mine != null && mine.isEmpty() && etag != null) {
                mirrors.adoptEtag(trainerId, provider, id, etag); // our write's etag was not returned: learn it
            } else if (mine != null && etag != null && !Objects.equals(mine, etag)) {
                drifted.add(id); // edited in the calendar: put ours back
            }
        });
        Set<String> gone = new HashSet<>(changes.removedIds());
        if (changes.fullResync()) {
            ours.keySet().stream().filter(id -> !changes.changed().containsKey(id)).forEach(gone::add);
        }
        gone.retainAll(ours.keySet());
        for (String id : drifted) {
            mirrors.invalidate(trainerId, provider, id);
            request(trainerId, provider, id, prefs);
        }
        for (String id : gone) {
            UUID bookingId = mirrors.bookingFor(trainerId, provider, id);
            if (bookingId != null) {
                // deleted there: forget our copy, so reconciliation creates it again if the booking still stands
                mirrors.delete(trainerId, bookingId, provider);
                Instant now = clock.instant();
                pending.request(trainerId, bookingId, now);
                queue.schedule(trainerId, bookingId, now);
            }
        }
    }

    private static Set<String> union(Set<String> a, java.util.Collection<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void request(UUID trainerId, Provider provider, String externalId, SyncPreferences prefs) {
        UUID bookingId = mirrors.bookingFor(trainerId, provider, externalId);
        if (bookingId != null) {
            queue.booking(trainerId, bookingId, prefs);
        }
    }
}

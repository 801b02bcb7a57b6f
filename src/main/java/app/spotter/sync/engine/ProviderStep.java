package app.spotter.sync.engine;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;
import app.spotter.sync.store.Mirror;

import app.spotter.calendar.CalendarEvent;
import app.spotter.preferences.SyncPreferences;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One booking, one calendar: decide, apply with an exhaustive switch, and record the outcome in the mirror and
 * the status row. A failure is answered by its kind (docs/architecture.md); it never touches the booking itself.
 */
@Component
class ProviderStep {

    private static final Logger log = LoggerFactory.getLogger(ProviderStep.class);

    private final ConnectionStore connections;
    private final MirrorStore mirrors;
    private final StatusStore status;
    private final ProviderRegistry registry;
    private final Breaker breaker;
    private final app.spotter.booking.BookingActivity activity;
    private final java.time.Clock clock;
    private final app.spotter.sync.store.RemovedOccurrences removedOccurrences;

    /** Without a database (unit tests): no session of a series is out of any calendar. */
    ProviderStep(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            Breaker breaker, app.spotter.booking.BookingActivity activity, java.time.Clock clock) {
        this(connections, mirrors, status, registry, breaker, activity, clock, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ProviderStep(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            Breaker breaker, app.spotter.booking.BookingActivity activity, java.time.Clock clock,
            app.spotter.sync.store.RemovedOccurrences removedOccurrences) {
        this.removedOccurrences = removedOccurrences;
        this.breaker = breaker;
        this.activity = activity;
        this.clock = clock;
        this.connections = connections;
        this.mirrors = mirrors;
        this.status = status;
        this.registry = registry;
    }

    StepResult reconcile(UUID trainerId, UUID bookingId, Provider provider, CalendarEvent desired,
            SyncPreferences prefs, int attempt) {
        return reconcile(trainerId, bookingId, provider, desired, prefs, attempt, false);
    }

    /** @param probing this run is the parked connection's one probe: it may send */
    StepResult reconcile(UUID trainerId, UUID bookingId, Provider provider, CalendarEvent desired,
            SyncPreferences prefs, int attempt, boolean probing) {
        Optional<CalendarProvider> adapter = registry.find(provider);
        if (adapter.isEmpty() || !adapter.get().enabled(prefs)) {
            // an inactive calendar is always left alone (ReconcileDecision), so spare the two lookups: a job runs
            // per booking and per provider, and most trainers use one calendar (bulk pushes are round-trip bound)
            return StepResult.SETTLED;
        }
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        boolean active = stored.isPresent() && stored.get().state() == ConnectionStore.State.ACTIVE;
        Mirror mirror = mirrors.find(trainerId, bookingId, provider).orElse(null);
        if (removedOccurrences != null && desired != null && desired.repeating() != null
                && adapter.get().readsChanges()) {
            // sessions of the series deleted in this calendar stay out of it until the trainer chooses
            desired = OccurrencesOut.without(desired, removedOccurrences.excluded(trainerId, bookingId, provider));
        }
        SyncAction action = ReconcileDecision.decide(desired, mirror, active,
                event -> adapter.orElseThrow().fingerprint(stored.orElseThrow().connection(), event));
        if (action instanceof SyncAction.Nothing) {
            return StepResult.SETTLED;
        }
        if (!breaker.maySend(stored.orElseThrow(), probing)) {
            return StepResult.HELD; // parked: the probe alone talks to this calendar
        }
        Connection connection = stored.orElseThrow().connection();
        try {
            int delta = apply(adapter.orElseThrow(), connection, bookingId, action);
            status.pushed(trainerId, provider, delta);
            breaker.succeeded(trainerId, provider, stored.orElseThrow());
            return StepResult.SETTLED;
        } catch (SyncFailure failure) {
            return answer(trainerId, provider, failure, attempt, probing);
        } catch (MirrorStore.ConnectionGone gone) {
            // disconnected while this push was in flight: the calendar is no longer ours to track
            log.info("{} was disconnected for trainer {} during a push; nothing recorded", provider.value(),
                    trainerId);
            return StepResult.SETTLED;
        }
    }

    /** @return the change in the number of events this calendar holds (+1 created, -1 removed) */
    private int apply(CalendarProvider adapter, Connection connection, UUID bookingId, SyncAction action)
            throws SyncFailure {
        UUID trainerId = connection.trainerId();
        Provider provider = connection.provider();
        switch (action) {
            case SyncAction.Create create -> {
                // first note that the calendar may hold it: if the answer is lost (or Spotter dies) and the booking
                // is cancelled before a retry, the next run must still remove what the calendar may have stored
                mirrors.reserve(trainerId, bookingId, provider, adapter.externalId(create.event()));
                RemoteEvent remote = adapter.upsert(connection, create.event(), null);
                mirrors.save(trainerId, bookingId, provider, remote, create.contentHash(),
                        Math.max(create.event().sequence(), remote.sequence()));
                return 1;
            }
            case SyncAction.Update update -> {
                // a provider that had to go above the booking's SEQUENCE (another client raised it there) keeps
                // going up from what it wrote, never back down to the booking's own (RFC 5546 2.1.4)
                CalendarEvent event = update.event().sequence() >= update.previous().sequence() ? update.event()
                        : update.event().withSequence(update.previous().sequence() + 1);
                // if the answer is lost the calendar may hold this write: the row must not keep claiming the old
                // content, or a booking changed back to it would be decided "already there" (model test seed 189)
                mirrors.markWriting(trainerId, bookingId, provider);
                RemoteEvent remote = adapter.upsert(connection, event, update.previous().remote());
                if (remote.goneThere()) {
                    remote = deletedThere(adapter, connection, bookingId, update, event);
                    if (remote == null) {
                        return 0; // flagged: out of that calendar until the trainer chooses
                    }
                }
                mirrors.save(trainerId, bookingId, provider, remote, update.contentHash(),
                        Math.max(event.sequence(), remote.sequence()));
                if (remote.overwrote() != null) {
                    // a change made there while Spotter's was on its way: Spotter's stands, and the trainer is told
                    activity.record(trainerId, bookingId, app.spotter.booking.BookingActivity.Kind.PUT_BACK,
                            provider.value(), "Changed in " + SyncRound.calendarName(provider) + " while Spotter was "
                                    + "sending a change made in Spotter; Spotter's version was put back.", true,
                            clock.instant(), remote.overwrote().etag());
                }
                // a row without hash (reserved, or invalidated by drift) did not count as synced until now
                return update.previous().contentHash() == null ? 1 : 0;
            }
            case SyncAction.Remove remove -> {
                // if the answer is lost the calendar may no longer hold it: a restored booking's update that then
                // finds it gone must create it again, not take Spotter's own removal for the trainer's
                mirrors.markWriting(trainerId, bookingId, provider);
                adapter.remove(connection, remove.event(), remove.previous().remote());
                mirrors.delete(trainerId, bookingId, provider);
                return remove.previous().contentHash() == null ? 0 : -1;
            }
            case SyncAction.Nothing nothing -> {
                return 0; // decided that the calendar already matches
            }
        }
    }

    /**
     * An update found the event deleted there since Spotter's last write: decided as a round decides a deletion
     * ({@link RemoteChangeDecision}), so whichever of push and round meets it first, the outcome and its one notice
     * are the same. Returns what was written, or null when nothing was (the session is flagged).
     */
    private RemoteEvent deletedThere(CalendarProvider adapter, Connection connection, UUID bookingId,
            SyncAction.Update update, CalendarEvent event) throws SyncFailure {
        UUID trainerId = connection.trainerId();
        Provider provider = connection.provider();
        if (MirrorStore.WRITING.equals(update.previous().contentHash())) {
            return adapter.upsert(connection, event, null); // Spotter's own removal may have landed: not the trainer's
        }
        String calendar = SyncRound.calendarName(provider);
        RemoteChange change = RemoteChangeDecision.decide(new RemoteChangeDecision.BookingNow(true, event.start(),
                event.end(), event.repeating() != null, true), new app.spotter.sync.ReadResult.Gone(), calendar);
        java.time.Instant at = clock.instant();
        switch (change) {
            case RemoteChange.FlagRemoved flag -> {
                mirrors.flagRemoved(trainerId, provider, update.previous().remote().externalId(), at);
                activity.record(trainerId, bookingId, app.spotter.booking.BookingActivity.Kind.REMOVED_IN_CALENDAR,
                        provider.value(), SyncRound.removedThere(calendar), true, at);
                return null;
            }
            case RemoteChange.FlagSeriesRemoved flag -> {
                // not reached today (a push is a change in flight, which the decision lets win for a series), but
                // decided the same way as a round would if it were
                mirrors.flagRemoved(trainerId, provider, update.previous().remote().externalId(), at);
                activity.record(trainerId, bookingId, app.spotter.booking.BookingActivity.Kind.REMOVED_IN_CALENDAR,
                        provider.value(), SyncRound.seriesRemovedThere(calendar), true, at);
                return null;
            }
            case RemoteChange.PutBack back -> {
                activity.record(trainerId, bookingId, app.spotter.booking.BookingActivity.Kind.PUT_BACK,
                        provider.value(), back.reason(), true, at);
                return adapter.upsert(connection, event, null);
            }
            case RemoteChange.Reschedule move -> throw new IllegalStateException("a deletion is not a move");
            case RemoteChange.RescheduleOccurrence move -> throw new IllegalStateException("a deletion is not a move");
            case RemoteChange.FlagOccurrenceRemoved flag ->
                    throw new IllegalStateException("a whole deleted object is not one occurrence");
            case RemoteChange.Forget forget -> throw new IllegalStateException("an update is of a wanted event");
            case RemoteChange.Ignore ignore -> throw new IllegalStateException("an update is of a wanted event");
        }
    }

    private StepResult answer(UUID trainerId, Provider provider, SyncFailure failure, int attempt,
            boolean probing) {
        switch (failure.kind()) {
            case TRANSIENT -> {
                // 5xx, 429, timeouts, rate limits: the calendar will recover; keep the work and back off, alone
                // below the breaker's threshold, else parked behind one probe
                StepResult result = breaker.failed(trainerId, provider, probing, attempt, failure);
                log.info("{} sync for trainer {} failed transiently: {}", provider.value(), trainerId, result);
                return result;
            }
            case AUTH -> {
                // 401 / invalid_grant: retrying cannot help until the trainer reconnects; the pending work stays
                // and a reconnect reconciles everything (level-triggered)
                connections.markNeedsReconnect(trainerId, provider);
                status.failed(trainerId, provider, SyncStatus.NEEDS_RECONNECT, failure.getMessage());
                return StepResult.SETTLED;
            }
            case PERMANENT -> {
                status.failed(trainerId, provider, SyncStatus.ERROR, failure.getMessage());
                log.warn("{} refused a change for trainer {}: {}", provider.value(), trainerId, failure.getMessage());
                return StepResult.SETTLED;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}

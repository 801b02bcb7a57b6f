package app.spotter.sync.engine;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingActivity;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Bookings;
import app.spotter.booking.Conflicts;
import app.spotter.support.web.ApiProblem;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.ReadResult;
import app.spotter.sync.store.Mirror;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.PendingStore;
import app.spotter.sync.store.RemovedOccurrences;
import app.spotter.sync.store.StatusStore;

import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A sync round for one connection: one "what changed there?" request (RFC 6578 sync-collection, Google syncToken),
 * then one read per event changed there and a decision ({@link RemoteChangeDecision}): a move reschedules the
 * booking (checked like a move in Spotter; refused = put back with a notice), a deletion flags the booking for the
 * trainer, any other edit is put back with a notice. Each change is decided once (by its etag); changes whose etag
 * is the one Spotter itself wrote are echoes and cost nothing. With nothing changed a round is one request
 * and a constant number of statements, however many events the calendar holds (docs/BENCHMARKS.md "scale").
 */
@Component
class SyncRound {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncRound.class);

    /** en-ZA whatever the server's locale, as the booking module words times. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            java.util.Locale.forLanguageTag("en-ZA"));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ConnectionStore connections;
    private final MirrorStore mirrors;
    private final StatusStore status;
    private final ProviderRegistry registry;
    private final PendingStore pending;
    private final SyncQueue queue;
    private final Preferences preferences;
    private final Clock clock;
    private final Bookings bookings;
    private final Conflicts conflicts;
    private final BookingActivity activity;
    private final SeriesState seriesState;
    private final RemovedOccurrences removedOccurrences;

    /**
     * Without the series' state (unit tests and models without a database): a change to a series object is
     * decided as one change of one event ({@link RemoteChangeDecision}: put back).
     */
    SyncRound(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            PendingStore pending, SyncQueue queue, Preferences preferences, Clock clock, Bookings bookings,
            Conflicts conflicts, BookingActivity activity) {
        this(connections, mirrors, status, registry, pending, queue, preferences, clock, bookings, conflicts,
                activity, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    SyncRound(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            PendingStore pending, SyncQueue queue, Preferences preferences, Clock clock, Bookings bookings,
            Conflicts conflicts, BookingActivity activity, SeriesState seriesState,
            RemovedOccurrences removedOccurrences) {
        this.seriesState = seriesState;
        this.removedOccurrences = removedOccurrences;
        this.clock = clock;
        this.bookings = bookings;
        this.conflicts = conflicts;
        this.activity = activity;
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
            repair(trainerId, provider, changes, prefs, adapter.get(), stored.get().connection());
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

    private void repair(UUID trainerId, Provider provider, RemoteChanges changes, SyncPreferences prefs,
            CalendarProvider adapter, Connection connection) {
        // our rows for what changed there; all of them only when the calendar was listed in full
        Map<String, String> ours = changes.fullResync() ? mirrors.etags(trainerId, provider)
                : mirrors.etags(trainerId, provider, union(changes.changed().keySet(), changes.removedIds()));
        Map<String, String> drifted = new HashMap<>();
        changes.changed().forEach((id, etag) -> {
            String mine = ours.get(id);
            if (mine != null && mine.isEmpty() && etag != null) {
                mirrors.adoptEtag(trainerId, provider, id, etag); // our write's etag was not returned: learn it
            } else if (mine != null && etag != null && !Objects.equals(mine, etag)) {
                drifted.put(id, etag); // changed in the calendar: decide what it means
            }
        });
        Set<String> gone = new HashSet<>(changes.removedIds());
        if (changes.fullResync()) {
            ours.keySet().stream().filter(id -> !changes.changed().containsKey(id)).forEach(gone::add);
        }
        gone.retainAll(ours.keySet());
        drifted.forEach((id, etag) -> remoteChange(trainerId, provider, id, etag, false, prefs, adapter, connection));
        for (String id : gone) {
            remoteChange(trainerId, provider, id, null, true, prefs, adapter, connection);
        }
    }

    /** One change made there: read what it is now, decide ({@link RemoteChangeDecision}), apply. */
    private void remoteChange(UUID trainerId, Provider provider, String externalId, String listedEtag, boolean gone,
            SyncPreferences prefs, CalendarProvider adapter, Connection connection) {
        UUID bookingId = mirrors.bookingFor(trainerId, provider, externalId);
        if (bookingId == null) {
            return;
        }
        Mirror mirror = mirrors.find(trainerId, bookingId, provider).orElse(null);
        if (mirror == null || mirror.removedThere()
                || (listedEtag != null && listedEtag.equals(mirror.decidedEtag()))) {
            return; // waiting for the trainer's choice, or this very change was decided by an earlier round
        }
        ReadResult remote;
        if (gone) {
            remote = new ReadResult.Gone();
        } else {
            try {
                remote = adapter.read(connection, mirror.remote()).orElse(null);
            } catch (SyncFailure failure) {
                remote = null; // a failed read never changes a booking: Spotter's version is put back
            }
            if (remote instanceof ReadResult.Found found && found.snapshot().etag() != null
                    && found.snapshot().etag().equals(mirror.remote().etag())) {
                return; // Spotter's own write landed since the listing: an echo
            }
        }
        Optional<Booking> booking = bookings.findIncludingDeleted(trainerId, bookingId);
        boolean changedSinceOurWrite = pending.generation(trainerId, bookingId).isPresent()
                || mirror.contentHash() == null || MirrorStore.WRITING.equals(mirror.contentHash());
        RemoteChangeDecision.BookingNow now = booking.map(b -> new RemoteChangeDecision.BookingNow(
                        b.status() == BookingStatus.SCHEDULED || b.seriesId() != null && seriesState != null
                                && seriesState.runs(trainerId, bookingId), b.details().startsAt(), b.details().endsAt(),
                        b.seriesId() != null, changedSinceOurWrite))
                .orElse(RemoteChangeDecision.BookingNow.ABSENT);
        String calendar = calendarName(provider);
        List<RemoteChange> decided = null;
        if (seriesState != null && now.inSeries() && remote instanceof ReadResult.Found found
                && found.snapshot().series() != null && !found.snapshot().cancelled()) {
            // a series object the calendar could read occurrence by occurrence
            decided = seriesState.of(trainerId, bookingId, provider, prefs, changedSinceOurWrite)
                    .map(series -> SeriesChangeDecision.decide(series, found.snapshot(), calendar)).orElse(null);
        }
        if (decided == null) {
            decided = List.of(RemoteChangeDecision.decide(now, remote, calendar));
        }
        log.info("{} change to booking {} of trainer {} decided: {}", provider.value(), bookingId, trainerId,
                decided.stream().map(c -> c.getClass().getSimpleName()).toList());
        if (listedEtag != null) {
            mirrors.decided(trainerId, provider, externalId, listedEtag);
        }
        String seenEtag = mirror.remote().etag();
        for (RemoteChange change : decided) {
            apply(change, trainerId, provider, externalId, bookingId, seenEtag, listedEtag, calendar, prefs);
        }
    }

    /** @param seenEtag the mirror's etag when this change was read (a push may store a newer one meanwhile) */
    private void apply(RemoteChange change, UUID trainerId, Provider provider, String externalId, UUID bookingId,
            String seenEtag, String listedEtag, String calendar, SyncPreferences prefs) {
        Instant at = clock.instant();
        switch (change) {
            case RemoteChange.Reschedule move -> reschedule(trainerId, provider, externalId, bookingId, bookingId,
                    move.start(), move.end(), "", seenEtag, listedEtag, calendar, prefs);
            case RemoteChange.RescheduleOccurrence move -> reschedule(trainerId, provider, externalId, bookingId,
                    move.session(), move.start(), move.end(), " (the " + SeriesChangeDecision.when(move.occurrence(),
                            prefs.timezoneDisplay()) + " session of a repeating series)", seenEtag, listedEtag,
                    calendar, prefs);
            case RemoteChange.PutBack back -> {
                if (listedEtag != null) {
                    // decided: the put-back writes over this very version (If-Match), so a 412 now means a newer one
                    mirrors.adoptEtagIfStill(trainerId, provider, externalId, listedEtag, seenEtag);
                }
                putBack(trainerId, provider, externalId, bookingId, back.session() != null ? back.session()
                        : bookingId, back.reason(), prefs, listedEtag);
            }
            case RemoteChange.FlagRemoved flag -> {
                mirrors.flagRemoved(trainerId, provider, externalId, at);
                activity.record(trainerId, bookingId, BookingActivity.Kind.REMOVED_IN_CALENDAR, provider.value(),
                        removedThere(calendar), true, at);
            }
            case RemoteChange.FlagSeriesRemoved flag -> {
                // one notice, on the series' own booking (its first session, which the object is synced under);
                // the flag stops later rounds and pushes from deciding or writing it again (ReconcileDecision)
                mirrors.flagRemoved(trainerId, provider, externalId, at);
                activity.record(trainerId, bookingId, BookingActivity.Kind.REMOVED_IN_CALENDAR, provider.value(),
                        seriesRemovedThere(calendar), true, at);
            }
            case RemoteChange.FlagOccurrenceRemoved flag -> {
                if (listedEtag != null) {
                    // Spotter's next write of the series goes over the trainer's version, the occurrence left out
                    mirrors.adoptEtagIfStill(trainerId, provider, externalId, listedEtag, seenEtag);
                }
                removedOccurrences.flag(trainerId, flag.session(), provider, at);
                activity.record(trainerId, flag.session(), BookingActivity.Kind.REMOVED_IN_CALENDAR, provider.value(),
                        "Deleted in " + calendar + ": the " + SeriesChangeDecision.when(flag.occurrence(),
                                prefs.timezoneDisplay()) + " session of a repeating series. It is still booked: "
                                + "cancel it (the client is told) or put it back in " + calendar + ".", true, at,
                        listedEtag);
            }
            case RemoteChange.Forget forget -> {
                // deleted there and not wanted there: forget our copy; reconciliation settles the rest
                mirrors.delete(trainerId, bookingId, provider);
                pending.request(trainerId, bookingId, at);
                queue.schedule(trainerId, bookingId, at);
            }
            case RemoteChange.Ignore ignore -> { }
        }
    }

    /**
     * @param bookingId the booking the calendar's event is synced under (a series' anchor)
     * @param session the session to move (the booking itself, or one session of the series)
     * @param which how the notice names a session of a series, or empty
     */
    private void reschedule(UUID trainerId, Provider provider, String externalId, UUID bookingId, UUID session,
            Instant start, Instant end, String which, String seenEtag, String listedEtag, String calendar,
            SyncPreferences prefs) {
        ZoneId zone = prefs.timezoneDisplay();
        String when = WHEN.format(start.atZone(zone)) + "-" + HOUR.format(end.atZone(zone));
        try {
            // busy times are read before the booking's transaction, as for a move in Spotter (BookingApi)
            conflicts.refresh(trainerId);
            if (listedEtag != null) {
                // the push that follows writes over the trainer's version, not over an older one (no 412 round trip)
                mirrors.adoptEtagIfStill(trainerId, provider, externalId, listedEtag, seenEtag);
            }
            bookings.movedInCalendar(trainerId, session, start, end, provider.value(),
                    "Moved in " + calendar + which + " to " + when + ".");
        } catch (ApiProblem refused) {
            putBack(trainerId, provider, externalId, bookingId, session, "Moved in " + calendar + which + " to "
                    + when + ", which was refused: " + withoutOverrideHint(refused.getMessage()) + " Put back.",
                    prefs, listedEtag);
        }
    }

    /** @param about the booking the notice is recorded on (a session of a series, or {@code bookingId}) */
    private void putBack(UUID trainerId, Provider provider, String externalId, UUID bookingId, UUID about,
            String reason, SyncPreferences prefs, String listedEtag) {
        mirrors.invalidate(trainerId, provider, externalId);
        queue.booking(trainerId, bookingId, prefs);
        activity.record(trainerId, about, BookingActivity.Kind.PUT_BACK, provider.value(), reason, true,
                clock.instant(), listedEtag);
    }

    /** The API's "send allow_conflict" advice means nothing to a move made in a calendar. */
    private static String withoutOverrideHint(String detail) {
        return String.valueOf(detail).replace(" Send allow_conflict: true to book it anyway.", "").trim();
    }

    /** The notice of a session deleted in a calendar (by a round or by the push that met the deletion). */
    static String removedThere(String calendar) {
        return "Deleted in " + calendar + ". The session is still booked: cancel it (the client is told) "
                + "or put it back in " + calendar + ".";
    }

    /** The notice of a whole series deleted in a calendar. */
    static String seriesRemovedThere(String calendar) {
        return "Deleted in " + calendar + ": the whole repeating series. Its sessions are still booked: cancel the "
                + "series (the clients are told) or put it back in " + calendar + ".";
    }

    static String calendarName(Provider provider) {
        return switch (provider) {
            case APPLE -> "Apple Calendar";
            case GOOGLE -> "Google Calendar";
            case EMAIL -> "email";
        };
    }

    private static Set<String> union(Set<String> a, java.util.Collection<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}

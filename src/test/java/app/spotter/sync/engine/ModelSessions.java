package app.spotter.sync.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bookings of one {@link RemoteChangesAgreeWithAModelCalendarIT} sequence as the model holds them (in the order
 * they were made, so a seed replays), and the rules for what a change made in the trainer's calendar must
 * lead to when a round decides it.
 */
final class ModelSessions {

    /** Every session is an hour long. */
    static final Duration LENGTH = Duration.ofHours(1);

    private final Map<UUID, Session> sessions = new LinkedHashMap<>();

    void add(Session s) {
        sessions.put(s.id, s);
    }

    Session get(UUID id) {
        return sessions.get(id);
    }

    Collection<Session> all() {
        return sessions.values();
    }

    Set<UUID> ids() {
        return sessions.keySet();
    }

    /** One booking as the model holds it: Spotter's truth, and the trainer's change there not yet seen. */
    static final class Session {
        final UUID id;
        Instant start;
        boolean cancelled;
        boolean deleted;
        boolean flagged;
        /** The trainer's latest change there that neither a push nor a round has met yet, or null. */
        Remote remote;
        int remoteChanges;

        Session(UUID id, Instant start) {
            this.id = id;
            this.start = start;
        }

        boolean scheduled() {
            return !cancelled && !deleted;
        }

        String path() {
            return "/trainer/calendars/spotter/" + id.toString().replace("-", "") + ".ics";
        }
    }

    /** What the event there is now: gone, or at {@code start} with this ETag. */
    record Remote(boolean deleted, Instant start, String etag) {}

    /** What a round must leave: one of these starts, this flag, this many new notices. */
    record Expected(String what, Set<Instant> starts, boolean flagged, int minNotices, int maxNotices) {}

    /** The scheduled sessions (other than {@code except}) that [start, start + 1 h) overlaps. */
    List<Session> overlapping(Instant start, Session except) {
        return sessions.values().stream().filter(o -> o != except && o.scheduled()
                && o.start.isBefore(start.plus(LENGTH)) && start.isBefore(o.start.plus(LENGTH))).toList();
    }

    /** Free of every scheduled session's time and of every move made there that no round has seen yet. */
    boolean free(Instant t, Session moving) {
        return overlapping(t, moving).isEmpty() && sessions.values().stream().noneMatch(o -> o != moving
                && o.remote != null && !o.remote.deleted() && o.remote.start().isBefore(t.plus(LENGTH))
                && t.isBefore(o.remote.start().plus(LENGTH)));
    }

    static void changedThere(Session s, Remote remote) {
        s.remote = remote;
        s.remoteChanges++;
    }

    /**
     * The rules: a deletion flags a booked session; a title edit is put back; a move is put back while a
     * change made in Spotter is unsent, refused (put back) onto another session, and taken otherwise. Where moves
     * of the same round compete for a time, the order they are decided in picks the winner: either is allowed.
     *
     * @param unsent a change made in Spotter is not yet in the calendar (pending, or its write unconfirmed)
     */
    Expected expect(Session s, boolean unsent) {
        Set<Instant> stays = Set.of(s.start);
        if (s.remote.deleted()) {
            return s.scheduled() ? new Expected("deleted there: flagged", stays, true, 1, 1)
                    : new Expected("deleted there, cancelled in Spotter: forgotten", stays, false, 0, 0);
        }
        if (!s.scheduled()) {
            // its own push removes it
            return new Expected("changed there, cancelled in Spotter: left to the push", stays, false, 0, 0);
        }
        Instant to = s.remote.start();
        if (to.equals(s.start)) {
            return new Expected("retitled there: put back", stays, false, 1, 1);
        }
        if (unsent) {
            return new Expected("moved there while a change in Spotter was unsent: put back", stays, false, 1, 1);
        }
        List<Session> clashes = overlapping(to, s);
        boolean contested = clashes.stream().anyMatch(o -> o.remote != null) || !free(to, s) && clashes.isEmpty();
        if (contested) {
            return new Expected("moved there, contested in the same round: either", Set.of(s.start, to), false, 0,
                    1);
        }
        return clashes.isEmpty() ? new Expected("moved there to a free time: taken", Set.of(to), false, 0, 0)
                : new Expected("moved there onto a session: refused, put back", stays, false, 1, 1);
    }
}

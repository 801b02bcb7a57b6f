package app.spotter.sync.store;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code calendar_events}, the seed's mapping table: one row per (booking, provider) that a calendar holds. The
 * seed's {@code bookings.apple_event_id} / {@code google_event_id} columns are kept equal to it.
 */
@Repository
public class MirrorStore {

    /**
     * The connection was removed (disconnected) while a push to it was in flight: the calendar is no longer
     * Spotter's to track, so nothing is recorded (a foreign key keeps mirror rows tied to their connection).
     */
    public static final class ConnectionGone extends RuntimeException {
        public ConnectionGone(Throwable cause) {
            super("the connection was removed meanwhile", cause);
        }
    }

    private final JdbcClient jdbc;
    private final Map<Provider, String> bookingColumns = new java.util.EnumMap<>(Provider.class);

    public MirrorStore(JdbcClient jdbc, List<CalendarProvider> adapters) {
        this.jdbc = jdbc;
        adapters.stream().filter(a -> a.bookingColumn() != null)
                .forEach(a -> bookingColumns.put(a.provider(), a.bookingColumn()));
    }

    public Optional<Mirror> find(UUID trainerId, UUID bookingId, Provider provider) {
        return jdbc.sql("""
                SELECT external_event_id, etag, resource_url, content_hash, sequence, removed_there_at IS NOT NULL,
                       decided_etag FROM calendar_events
                WHERE trainer_id = ? AND booking_id = ? AND provider = ?""")
                .params(trainerId, bookingId, provider.value())
                .query((rs, n) -> new Mirror(new RemoteEvent(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6), rs.getString(7)))
                .optional();
    }

    public void save(UUID trainerId, UUID bookingId, Provider provider, RemoteEvent remote, String hash, int sequence) {
        try {
            saveRow(trainerId, bookingId, provider, remote, hash, sequence);
        } catch (DataIntegrityViolationException gone) {
            throw new ConnectionGone(gone);
        }
    }

    /**
     * The row, and the booking's own column with it in the same statement (a push is round-trip bound: one fewer
     * per event); the column only when it changes, so a repeated push writes no new booking row version.
     */
    private void saveRow(UUID trainerId, UUID bookingId, Provider provider, RemoteEvent remote, String hash,
            int sequence) {
        String upsert = """
                INSERT INTO calendar_events (booking_id, trainer_id, provider, external_event_id, etag, resource_url,
                                             content_hash, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (booking_id, provider) DO UPDATE
                   SET external_event_id = EXCLUDED.external_event_id, etag = EXCLUDED.etag,
                       resource_url = EXCLUDED.resource_url, content_hash = EXCLUDED.content_hash,
                       sequence = EXCLUDED.sequence, updated_at = NOW()""";
        Object[] row = {bookingId, trainerId, provider.value(), remote.externalId(), remote.etag(),
                remote.resourceUrl(), hash, sequence};
        String column = column(provider);
        if (column == null) {
            jdbc.sql(upsert).params(row).update();
            return;
        }
        // column is a constant of an adapter (CalendarProvider.bookingColumn), never input
        jdbc.sql("WITH saved AS (" + upsert + " RETURNING booking_id) UPDATE bookings SET " + column + " = ? "
                        + "WHERE id = ? AND trainer_id = ? AND " + column + " IS DISTINCT FROM ? "
                        + "AND EXISTS (SELECT 1 FROM saved)")
                .params(java.util.stream.Stream.concat(java.util.Arrays.stream(row),
                        java.util.stream.Stream.of(remote.externalId(), bookingId, trainerId, remote.externalId()))
                        .toArray())
                .update();
    }

    /**
     * Notes, before a create is sent, that the calendar may hold this booking from now on, unless a row exists.
     * The row has no content hash and no etag, so it counts as not synced and the next run writes (or removes)
     * the event again: a create whose answer was lost, or that a crash interrupted, is never forgotten.
     */
    public void reserve(UUID trainerId, UUID bookingId, Provider provider, String externalId) {
        try {
            jdbc.sql("INSERT INTO calendar_events (booking_id, trainer_id, provider, external_event_id) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT (booking_id, provider) DO NOTHING")
                    .params(bookingId, trainerId, provider.value(), externalId).update();
        } catch (DataIntegrityViolationException gone) {
            throw new ConnectionGone(gone);
        }
    }

    /** The content hash a row holds while an update of it is in flight: equal to no real content's hash. */
    public static final String WRITING = "writing";

    /**
     * Notes that an update of the row's event is being sent: until its answer is recorded the row no longer claims
     * the old content, so a lost answer followed by the booking changing back cannot look "already there" (the
     * calendar would keep the newer write). The row still counts as an event in the calendar.
     */
    public void markWriting(UUID trainerId, UUID bookingId, Provider provider) {
        jdbc.sql("UPDATE calendar_events SET content_hash = ? WHERE trainer_id = ? AND booking_id = ? AND provider = ? "
                        + "AND content_hash IS NOT NULL")
                .params(WRITING, trainerId, bookingId, provider.value()).update();
    }

    public void delete(UUID trainerId, UUID bookingId, Provider provider) {
        jdbc.sql("DELETE FROM calendar_events WHERE trainer_id = ? AND booking_id = ? AND provider = ?")
                .params(trainerId, bookingId, provider.value()).update();
        bookingColumn(trainerId, bookingId, provider, null);
    }

    /** Forces the next reconcile to write this booking again (the calendar's copy drifted from ours). */
    public void invalidate(UUID trainerId, Provider provider, String externalId) {
        jdbc.sql("UPDATE calendar_events SET content_hash = NULL WHERE trainer_id = ? AND provider = ? "
                        + "AND external_event_id = ?")
                .params(trainerId, provider.value(), externalId).update();
    }

    /** A change made there was decided on: the same change seen again (by any round) is not decided again. */
    public void decided(UUID trainerId, Provider provider, String externalId, String etag) {
        jdbc.sql("UPDATE calendar_events SET decided_etag = ? WHERE trainer_id = ? AND provider = ? "
                        + "AND external_event_id = ?")
                .params(etag, trainerId, provider.value(), externalId).update();
    }

    /** The trainer deleted the event there: it stays out of that calendar until they choose (never recreated). */
    public void flagRemoved(UUID trainerId, Provider provider, String externalId, java.time.Instant at) {
        jdbc.sql("UPDATE calendar_events SET removed_there_at = coalesce(removed_there_at, ?) WHERE trainer_id = ? "
                        + "AND provider = ? AND external_event_id = ?")
                .params(java.sql.Timestamp.from(at), trainerId, provider.value(), externalId).update();
    }

    /**
     * "Put it back": forgets the copy the trainer deleted there, so reconciliation creates it again.
     *
     * @return false when the event was not flagged as removed there
     */
    public boolean unflagRemoved(UUID trainerId, UUID bookingId, Provider provider) {
        boolean was = jdbc.sql("DELETE FROM calendar_events WHERE trainer_id = ? AND booking_id = ? AND provider = ? "
                        + "AND removed_there_at IS NOT NULL")
                .params(trainerId, bookingId, provider.value()).update() == 1;
        if (was) {
            bookingColumn(trainerId, bookingId, provider, null);
        }
        return was;
    }

    /**
     * A booking the trainer deleted from one of their calendars and has not decided about.
     *
     * @param wholeSeries the whole series' object was deleted there ({@code bookingId} is its first session, the
     *     booking the object is synced under)
     */
    public record Removed(UUID bookingId, Provider provider, java.time.Instant removedAt, boolean wholeSeries) {

        public Removed(UUID bookingId, Provider provider, java.time.Instant removedAt) {
            this(bookingId, provider, removedAt, false);
        }
    }

    /**
     * The trainer's bookings removed from a calendar and waiting for a choice (of one booking when given). A whole
     * series waits only while it has a session still to come: once the trainer cancelled it (or its sessions have
     * all started) there is nothing left to choose, and it stays out of that calendar.
     */
    public List<Removed> removedThere(UUID trainerId, UUID bookingId, java.time.Instant now) {
        return jdbc.sql("""
                SELECT e.booking_id, e.provider, e.removed_there_at, b.series_id IS NOT NULL
                FROM calendar_events e
                LEFT JOIN bookings b ON b.id = e.booking_id AND b.trainer_id = e.trainer_id
                WHERE e.trainer_id = ? AND e.removed_there_at IS NOT NULL
                  AND (CAST(? AS uuid) IS NULL OR e.booking_id = ?)
                  AND (b.series_id IS NULL OR EXISTS (SELECT 1 FROM bookings s WHERE s.trainer_id = e.trainer_id
                        AND s.series_id = b.series_id AND s.status = 'scheduled' AND s.starts_at > ?))
                ORDER BY e.removed_there_at DESC LIMIT 200""")
                .params(trainerId, bookingId, bookingId, java.sql.Timestamp.from(now))
                .query((rs, n) -> new Removed(rs.getObject(1, UUID.class), Provider.fromValue(rs.getString(2))
                        .orElseThrow(), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .list();
    }

    /**
     * As {@link #adoptEtag}, only while the row still holds {@code expected} (the etag the decision was made
     * against): a push that saved Spotter's own newer etag meanwhile keeps it, or the next round would take
     * Spotter's write for another change made there.
     */
    public void adoptEtagIfStill(UUID trainerId, Provider provider, String externalId, String etag, String expected) {
        jdbc.sql("UPDATE calendar_events SET etag = ? WHERE trainer_id = ? AND provider = ? AND external_event_id = ? "
                        + "AND etag IS NOT DISTINCT FROM ?")
                .params(etag, trainerId, provider.value(), externalId, expected).update();
    }

    public void adoptEtag(UUID trainerId, Provider provider, String externalId, String etag) {
        jdbc.sql("UPDATE calendar_events SET etag = ? WHERE trainer_id = ? AND provider = ? AND external_event_id = ?")
                .params(etag, trainerId, provider.value(), externalId).update();
    }

    /** Our etag per external id, to tell our own writes (echoes) from changes made in the calendar. */
    public Map<String, String> etags(UUID trainerId, Provider provider) {
        return jdbc.sql("SELECT external_event_id, coalesce(etag, '') FROM calendar_events "
                        + "WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** As {@link #etags(UUID, Provider)}, for the given external ids only (what a round found changed). */
    public Map<String, String> etags(UUID trainerId, Provider provider, java.util.Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT external_event_id, coalesce(etag, '') FROM calendar_events "
                        + "WHERE trainer_id = ? AND provider = ? AND external_event_id = ANY(?)")
                .params(trainerId, provider.value(), externalIds.toArray(new String[0]))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    public UUID bookingFor(UUID trainerId, Provider provider, String externalId) {
        return jdbc.sql("SELECT booking_id FROM calendar_events WHERE trainer_id = ? AND provider = ? "
                        + "AND external_event_id = ?")
                .params(trainerId, provider.value(), externalId).query(UUID.class).optional().orElse(null);
    }

    public List<UUID> bookingsMirrored(UUID trainerId, Provider provider) {
        return jdbc.sql("SELECT booking_id FROM calendar_events WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).query(UUID.class).list();
    }

    /** At most {@code limit} bookings this calendar holds, for work done in batches. */
    public List<UUID> bookingsMirrored(UUID trainerId, Provider provider, int limit) {
        return jdbc.sql("SELECT booking_id FROM calendar_events WHERE trainer_id = ? AND provider = ? LIMIT ?")
                .params(trainerId, provider.value(), limit).query(UUID.class).list();
    }

    public boolean anyFor(UUID trainerId, Provider provider) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_events WHERE trainer_id = ? AND provider = ?)")
                .params(trainerId, provider.value()).query(Boolean.class).single();
    }

    public int count(UUID trainerId, Provider provider) {
        // reserved rows (a create not yet confirmed) are not synced events, and neither is one the trainer deleted
        // there: it stays out of that calendar until they choose
        return jdbc.sql("SELECT count(*) FROM calendar_events WHERE trainer_id = ? AND provider = ? "
                        + "AND content_hash IS NOT NULL AND removed_there_at IS NULL")
                .params(trainerId, provider.value()).query(Integer.class).single();
    }

    public boolean anyFor(UUID trainerId, UUID bookingId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_events WHERE trainer_id = ? AND booking_id = ?)")
                .params(trainerId, bookingId).query(Boolean.class).single();
    }

    public void forgetAll(UUID trainerId, Provider provider) {
        jdbc.sql("DELETE FROM calendar_events WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).update();
        String column = column(provider);
        if (column != null) {
            jdbc.sql("UPDATE bookings SET " + column + " = NULL WHERE trainer_id = ?").param(trainerId).update();
        }
    }

    private void bookingColumn(UUID trainerId, UUID bookingId, Provider provider, String externalId) {
        String column = column(provider);
        if (column != null) {
            // column is a constant of an adapter (CalendarProvider.bookingColumn), never input
            jdbc.sql("UPDATE bookings SET " + column + " = ? WHERE id = ? AND trainer_id = ? AND EXISTS "
                            + "(SELECT 1 FROM sync_connections WHERE trainer_id = ? AND provider = ?)")
                    .params(externalId, bookingId, trainerId, trainerId, provider.value()).update();
        }
    }

    private String column(Provider provider) {
        return bookingColumns.get(provider);
    }
}

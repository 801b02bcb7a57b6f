package app.spotter.sync.store;

import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code sync_pending}: which bookings still need reconciling. The generation counter closes the race between a
 * running job and a change committed meanwhile: the job only clears the row if nothing bumped it since it read it.
 */
@Repository
public class PendingStore {

    public record Due(UUID trainerId, UUID bookingId, Instant dueAt) {}

    private final JdbcClient jdbc;

    public PendingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a booking as needing work; the earlier due time wins (null = only on "sync now"). */
    public void request(UUID trainerId, UUID bookingId, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO sync_pending (booking_id, trainer_id, due_at) VALUES (?, ?, ?)
                ON CONFLICT (booking_id) DO UPDATE
                   SET generation = sync_pending.generation + 1, held = FALSE,
                       due_at = CASE WHEN sync_pending.due_at IS NULL THEN EXCLUDED.due_at
                                     WHEN EXCLUDED.due_at IS NULL THEN sync_pending.due_at
                                     ELSE LEAST(sync_pending.due_at, EXCLUDED.due_at) END""")
                .params(bookingId, trainerId, ts(dueAt)).update();
    }

    /**
     * Marks every booking a calendar may need to hear about: those still ahead (and the last 30 days, as the
     * feed shows them) plus every booking some calendar holds. Returns the ids marked.
     */
    public List<UUID> requestAll(UUID trainerId, Instant dueAt) {
        return requestAll(trainerId, null, dueAt);
    }

    /** As {@link #requestAll(UUID, Instant)}, limited to one client's bookings when {@code clientId} is given. */
    public List<UUID> requestAll(UUID trainerId, UUID clientId, Instant dueAt) {
        return jdbc.sql("""
                INSERT INTO sync_pending (booking_id, trainer_id, due_at)
                SELECT DISTINCT COALESCE(s.anchor_booking_id, b.id), b.trainer_id, CAST(? AS timestamptz)
                  FROM bookings b LEFT JOIN booking_series s ON s.id = b.series_id
                 WHERE b.trainer_id = ? AND (CAST(? AS uuid) IS NULL OR b.client_id = ?
                        OR EXISTS (SELECT 1 FROM booking_participants p WHERE p.booking_id = b.id
                                     AND p.client_id = CAST(? AS uuid)))
                   AND ((b.status = 'scheduled' AND b.ends_at > NOW() - INTERVAL '30 days')
                        OR EXISTS (SELECT 1 FROM calendar_events e WHERE e.booking_id = b.id))
                ON CONFLICT (booking_id) DO UPDATE
                   SET generation = sync_pending.generation + 1, held = FALSE,
                       due_at = CASE WHEN sync_pending.due_at IS NULL THEN EXCLUDED.due_at
                                     WHEN EXCLUDED.due_at IS NULL THEN sync_pending.due_at
                                     ELSE LEAST(sync_pending.due_at, EXCLUDED.due_at) END
                RETURNING booking_id""")
                .params(ts(dueAt), trainerId, clientId, clientId, clientId).query(UUID.class).list();
    }

    /** "Sync now": everything waiting for this trainer becomes due. */
    public List<UUID> makeDue(UUID trainerId, Instant now) {
        // work held for a parked calendar waits for its probe (a job would only hold it again)
        return jdbc.sql("UPDATE sync_pending SET due_at = ? WHERE trainer_id = ? AND NOT held RETURNING booking_id")
                .params(ts(now), trainerId).query(UUID.class).list();
    }

    public OptionalLong generation(UUID trainerId, UUID bookingId) {
        return jdbc.sql("SELECT generation FROM sync_pending WHERE booking_id = ? AND trainer_id = ?")
                .params(bookingId, trainerId).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** True when the row was cleared; false when a newer change arrived and the job must run again. */
    public boolean complete(UUID trainerId, UUID bookingId, long generation) {
        int cleared = jdbc.sql("DELETE FROM sync_pending WHERE booking_id = ? AND trainer_id = ? AND generation = ?")
                .params(bookingId, trainerId, generation).update();
        // nothing cleared: either a newer change bumped the row, or it was cleared already; only then look
        return cleared == 1 || generation(trainerId, bookingId).isEmpty();
    }

    /**
     * Holds a booking's work for a parked calendar: no due time, no job, until the probe releases it. Only while
     * one of the trainer's connections is parked, and only if no newer change arrived ({@code generation}, or
     * -1 when the job found no row); false means run the job again instead.
     */
    public boolean hold(UUID trainerId, UUID bookingId, long generation) {
        return jdbc.sql("""
                INSERT INTO sync_pending (booking_id, trainer_id, due_at, held)
                SELECT ?, ?, NULL, TRUE
                 WHERE EXISTS (SELECT 1 FROM sync_connections WHERE trainer_id = ? AND parked_until IS NOT NULL)
                ON CONFLICT (booking_id) DO UPDATE SET held = TRUE, due_at = NULL
                 WHERE sync_pending.generation = ?""")
                .params(bookingId, trainerId, trainerId, generation).update() > 0;
    }

    /** The work held for this trainer's parked calendar becomes due {@code now}; the ids released. */
    public List<UUID> release(UUID trainerId, Instant now) {
        return jdbc.sql("UPDATE sync_pending SET held = FALSE, due_at = ? WHERE trainer_id = ? AND held "
                        + "RETURNING booking_id")
                .params(ts(now), trainerId).query(UUID.class).list();
    }

    /** One booking held for this trainer's parked calendar, for the probe to send; null when none. */
    public UUID firstHeld(UUID trainerId) {
        return jdbc.sql("SELECT booking_id FROM sync_pending WHERE trainer_id = ? AND held LIMIT 1")
                .param(trainerId).query(UUID.class).optional().orElse(null);
    }

    /**
     * Safety net: held work of a trainer none of whose connections is parked any more (a probe's release raced a
     * hold, or the calendar was disconnected or reconnected) becomes due; the orphan sweep then schedules it.
     */
    public int releaseUnparked(Instant now) {
        return jdbc.sql("""
                UPDATE sync_pending p SET held = FALSE, due_at = ?
                 WHERE held AND NOT EXISTS (SELECT 1 FROM sync_connections c
                                             WHERE c.trainer_id = p.trainer_id AND c.parked_until IS NOT NULL)""")
                .param(ts(now)).update();
    }

    public int count(UUID trainerId) {
        return jdbc.sql("SELECT count(*) FROM sync_pending WHERE trainer_id = ?").param(trainerId)
                .query(Integer.class).single();
    }

    /** Due rows whose job is missing: a change that raced a finishing job, or work left by a crash. */
    public List<Due> orphans(Instant now, String taskName, int limit) {
        return jdbc.sql("""
                SELECT p.trainer_id, p.booking_id, p.due_at FROM sync_pending p
                 WHERE p.due_at <= ?
                   AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t
                                    WHERE t.task_name = ? AND t.task_instance = CAST(p.booking_id AS text))
                 ORDER BY p.due_at LIMIT ?""")
                .params(ts(now), taskName, limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

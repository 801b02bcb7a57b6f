package app.spotter.sync.store;

import app.spotter.sync.Provider;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions of a series whose occurrence the trainer deleted in one of their calendars (the series is one object
 * there, so this is kept per session, not on the mirror row). Only scheduled sessions count: a session cancelled
 * meanwhile is out of every calendar anyway. Every query is scoped to the trainer.
 */
@Repository
public class RemovedOccurrences {

    private final JdbcClient jdbc;

    RemovedOccurrences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when it was flagged already */
    public boolean flag(UUID trainerId, UUID sessionId, Provider provider, Instant at) {
        return jdbc.sql("""
                INSERT INTO calendar_removed_occurrences (booking_id, provider, trainer_id, removed_at)
                SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM bookings WHERE id = ? AND trainer_id = ?)
                ON CONFLICT (booking_id, provider) DO NOTHING""")
                .params(sessionId, provider.value(), trainerId, Timestamp.from(at), sessionId, trainerId)
                .update() == 1;
    }

    /** @return false when the session was not flagged in that calendar (or is no longer scheduled) */
    public boolean unflag(UUID trainerId, UUID sessionId, Provider provider) {
        return jdbc.sql("""
                DELETE FROM calendar_removed_occurrences o USING bookings b
                WHERE o.trainer_id = ? AND o.booking_id = ? AND o.provider = ?
                  AND b.id = o.booking_id AND b.status = 'scheduled'""")
                .params(trainerId, sessionId, provider.value()).update() == 1;
    }

    /** The flagged sessions still booked (of one session when given), newest first. */
    public List<MirrorStore.Removed> list(UUID trainerId, UUID sessionId) {
        return jdbc.sql("""
                SELECT o.booking_id, o.provider, o.removed_at FROM calendar_removed_occurrences o
                JOIN bookings b ON b.id = o.booking_id AND b.trainer_id = o.trainer_id
                WHERE o.trainer_id = ? AND b.status = 'scheduled' AND (CAST(? AS uuid) IS NULL OR o.booking_id = ?)
                ORDER BY o.removed_at DESC LIMIT 200""")
                .params(trainerId, sessionId, sessionId)
                .query((rs, n) -> new MirrorStore.Removed(rs.getObject(1, UUID.class),
                        Provider.fromValue(rs.getString(2)).orElseThrow(), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /**
     * The occurrences (the starts the rule gave them) of the series anchored at {@code anchorId} that stay out of
     * that calendar: flagged there and still booked.
     */
    public Set<Instant> excluded(UUID trainerId, UUID anchorId, Provider provider) {
        return Set.copyOf(jdbc.sql("""
                SELECT b.occurrence_start FROM calendar_removed_occurrences o
                JOIN bookings b ON b.id = o.booking_id AND b.trainer_id = o.trainer_id
                WHERE o.trainer_id = ? AND o.provider = ? AND b.status = 'scheduled'
                  AND b.series_id = (SELECT series_id FROM bookings WHERE id = ? AND trainer_id = ?)""")
                .params(trainerId, provider.value(), anchorId, trainerId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list());
    }
}

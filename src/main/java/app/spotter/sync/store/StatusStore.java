package app.spotter.sync.store;

import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code calendar_sync_status}: one row per (trainer, provider), written after every sync step. */
@Repository
public class StatusStore {

    private final JdbcClient jdbc;

    public StatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A successful step: last_sync moves, the error clears, events_synced is recounted from the mirror. */
    public void ok(UUID trainerId, Provider provider) {
        upsert(trainerId, provider, SyncStatus.OK, null, true);
    }

    /**
     * A sync round that found the calendar reachable: one row, no recount (a recount reads every mirror row, and
     * rounds run every few minutes for every connection). Pushes keep events_synced by delta.
     */
    public void roundOk(UUID trainerId, Provider provider) {
        int updated = jdbc.sql("""
                UPDATE calendar_sync_status
                   SET last_sync = NOW(), sync_status = 'ok', error_message = NULL, failing_since = NULL,
                       updated_at = NOW()
                 WHERE trainer_id = ? AND provider = ?""")
                .params(trainerId, provider.value()).update();
        if (updated == 0) {
            ok(trainerId, provider);
        }
    }

    /**
     * The hot path: one successful push. Adjusts events_synced by the push's effect instead of recounting the
     * mirror (a recount per push made a bulk push O(N^2)); sync rounds recount and correct any drift.
     */
    public void pushed(UUID trainerId, Provider provider, int delta) {
        int updated = jdbc.sql("""
                UPDATE calendar_sync_status
                   SET last_sync = NOW(), sync_status = 'ok', error_message = NULL, failing_since = NULL,
                       events_synced = GREATEST(coalesce(events_synced, 0) + ?, 0), updated_at = NOW()
                 WHERE trainer_id = ? AND provider = ?""")
                .params(delta, trainerId, provider.value()).update();
        if (updated == 0) {
            ok(trainerId, provider);
        }
    }

    /**
     * One statement, whatever the calendar holds: the failure path must not recount the mirror (it did, and 1,000
     * failing bookings each recounting made a failure O(N^2)). The first failure after a success is remembered.
     */
    public void failed(UUID trainerId, Provider provider, String status, String message) {
        jdbc.sql("""
                INSERT INTO calendar_sync_status (trainer_id, provider, sync_status, events_synced, error_message,
                                                  failing_since)
                VALUES (?, ?, ?, 0, ?, NOW())
                ON CONFLICT (trainer_id, provider) DO UPDATE
                   SET sync_status = EXCLUDED.sync_status, error_message = EXCLUDED.error_message,
                       failing_since = coalesce(calendar_sync_status.failing_since, EXCLUDED.failing_since),
                       updated_at = NOW()""")
                .params(trainerId, provider.value(), status, message).update();
    }

    public void set(UUID trainerId, Provider provider, String status) {
        upsert(trainerId, provider, status, null, false);
    }

    public void delete(UUID trainerId, Provider provider) {
        jdbc.sql("DELETE FROM calendar_sync_status WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).update();
    }

    public List<SyncStatus> list(UUID trainerId) {
        return jdbc.sql("""
                SELECT provider, last_sync, sync_status, events_synced, error_message,
                       floor(extract(epoch FROM NOW() - failing_since) / 86400) AS failing_days
                  FROM calendar_sync_status
                WHERE trainer_id = ? ORDER BY provider""")
                .param(trainerId)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_sync");
                    return new SyncStatus(Provider.fromValue(rs.getString("provider")).orElseThrow(),
                            last == null ? null : last.toInstant(), rs.getString("sync_status"),
                            rs.getInt("events_synced"), withDuration(rs.getString("error_message"),
                                    rs.getInt("failing_days")));
                }).list();
    }

    /** A failure older than a day says how long it has lasted, so the trainer knows it is not a passing hiccup. */
    static String withDuration(String message, int failingDays) {
        if (message == null || failingDays < 1) {
            return message;
        }
        return (failingDays == 1 ? "Failing for more than a day. " : "Failing for " + failingDays + " days. ")
                + message;
    }

    private void upsert(UUID trainerId, Provider provider, String status, String message, boolean synced) {
        jdbc.sql("""
                INSERT INTO calendar_sync_status (trainer_id, provider, last_sync, sync_status, events_synced,
                                                  error_message)
                VALUES (?, ?, CASE WHEN ? THEN NOW() END, ?,
                        (SELECT count(*) FROM calendar_events WHERE trainer_id = ? AND provider = ?
                           AND content_hash IS NOT NULL AND removed_there_at IS NULL), ?)
                ON CONFLICT (trainer_id, provider) DO UPDATE
                   SET last_sync = CASE WHEN ? THEN NOW() ELSE calendar_sync_status.last_sync END,
                       sync_status = EXCLUDED.sync_status, events_synced = EXCLUDED.events_synced,
                       error_message = EXCLUDED.error_message, failing_since = NULL, updated_at = NOW()""")
                .params(trainerId, provider.value(), synced, status, trainerId, provider.value(), message, synced)
                .update();
    }
}

package app.spotter.sync.store;

import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

import app.spotter.support.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code sync_connections}: settings in clear, the secret sealed with AES-256-GCM and bound to its trainer and
 * provider (the associated data), so a row copied to another trainer does not decrypt.
 */
@Repository
public class ConnectionStore {

    /** DRAINING: disconnected with "remove events"; the engine is taking Spotter's events out of it. */
    public enum State { ACTIVE, NEEDS_RECONNECT, DRAINING }

    /**
     * @param failures transient failures since the last success (the circuit breaker's count)
     * @param parkedUntil when the parked connection's next probe runs; null while the breaker is closed
     * @param probeAttempt probes that failed since it was parked
     */
    public record Stored(Connection connection, State state, String syncToken, int failures, Instant parkedUntil,
            int probeAttempt) {
        public Stored(Connection connection, State state, String syncToken) {
            this(connection, state, syncToken, 0, null, 0);
        }
    }

    /** The breaker's columns after a change. */
    public record BreakerRow(int failures, Instant parkedUntil, int probeAttempt) {}

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ObjectMapper json;

    public ConnectionStore(JdbcClient jdbc, SecretBox box, ObjectMapper json) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
    }

    public void save(Connection c) {
        byte[] sealed = c.secret() == null ? null : box.seal(c.secret(), aad(c.trainerId(), c.provider()));
        jdbc.sql("""
                INSERT INTO sync_connections (trainer_id, provider, settings, secret, state, sync_token)
                VALUES (?, ?, CAST(? AS jsonb), ?, 'active', NULL)
                ON CONFLICT (trainer_id, provider) DO UPDATE
                   SET settings = EXCLUDED.settings, secret = EXCLUDED.secret, state = 'active',
                       sync_token = NULL, consecutive_failures = 0, parked_until = NULL, probe_attempt = 0,
                       updated_at = NOW()""")
                .params(c.trainerId(), c.provider().value(), json.writeValueAsString(c.settings()), sealed)
                .update();
    }

    public Optional<Stored> find(UUID trainerId, Provider provider) {
        return jdbc.sql("SELECT settings, secret, state, sync_token, consecutive_failures, parked_until, "
                        + "probe_attempt FROM sync_connections WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value())
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("secret");
                    String secret = sealed == null ? null : box.open(sealed, aad(trainerId, provider));
                    Map<String, String> settings = new LinkedHashMap<>(json.readValue(rs.getString("settings"), SETTINGS));
                    Timestamp parked = rs.getTimestamp("parked_until");
                    return new Stored(new Connection(trainerId, provider, settings, secret),
                            State.valueOf(rs.getString("state").toUpperCase()), rs.getString("sync_token"),
                            rs.getInt("consecutive_failures"), parked == null ? null : parked.toInstant(),
                            rs.getInt("probe_attempt"));
                })
                .optional();
    }

    /**
     * Whether any calendar is connected, asked by every booking write. The trainer row is share-locked first, in
     * a statement of its own, so a connect in flight (which locks it for update) either finishes before this
     * check (and is seen by the fresh snapshot of the next statement) or starts after this transaction commits
     * (and then finds this booking when it reconciles everything). No booking falls between the two.
     */
    public boolean anyFor(UUID trainerId) {
        jdbc.sql("SELECT 1 FROM trainers WHERE id = ? FOR SHARE").param(trainerId).query(Integer.class).optional();
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sync_connections WHERE trainer_id = ?)")
                .param(trainerId).query(Boolean.class).single();
    }

    /** Held by a connect until it commits; see {@link #anyFor}. */
    public void lockTrainer(UUID trainerId) {
        jdbc.sql("SELECT 1 FROM trainers WHERE id = ? FOR UPDATE").param(trainerId).query(Integer.class).optional();
    }

    public List<Provider> connected(UUID trainerId) {
        return jdbc.sql("SELECT provider FROM sync_connections WHERE trainer_id = ? ORDER BY provider")
                .param(trainerId).query(String.class).list().stream()
                .flatMap(p -> Provider.fromValue(p).stream()).toList();
    }

    /** Every connection of this trainer, in provider order. */
    public List<Stored> all(UUID trainerId) {
        return connected(trainerId).stream().flatMap(p -> find(trainerId, p).stream()).toList();
    }

    /** Every (trainer, provider) with a usable connection: the periodic sync round walks these. */
    public List<Map.Entry<UUID, Provider>> allActive() {
        return jdbc.sql("SELECT trainer_id, provider FROM sync_connections WHERE state = 'active'")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), Provider.fromValue(rs.getString(2)).orElseThrow()))
                .list();
    }

    public void markNeedsReconnect(UUID trainerId, Provider provider) {
        jdbc.sql("UPDATE sync_connections SET state = 'needs_reconnect', updated_at = NOW() "
                        + "WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).update();
    }

    public void saveSyncToken(UUID trainerId, Provider provider, String token) {
        jdbc.sql("UPDATE sync_connections SET sync_token = ? WHERE trainer_id = ? AND provider = ?")
                .params(token, trainerId, provider.value()).update();
    }

    /** Counts one transient failure; one statement whatever the calendar holds. Empty when disconnected. */
    public Optional<BreakerRow> countFailure(UUID trainerId, Provider provider) {
        return jdbc.sql("""
                UPDATE sync_connections SET consecutive_failures = consecutive_failures + 1
                 WHERE trainer_id = ? AND provider = ?
                RETURNING consecutive_failures, parked_until, probe_attempt""")
                .params(trainerId, provider.value())
                .query((rs, n) -> {
                    Timestamp parked = rs.getTimestamp(2);
                    return new BreakerRow(rs.getInt(1), parked == null ? null : parked.toInstant(), rs.getInt(3));
                }).optional();
    }

    /**
     * Parks the connection until {@code probeAt}. Only the first to park a closed breaker wins (it schedules the
     * probe); the probe itself re-parks with {@code reparking}.
     */
    public boolean park(UUID trainerId, Provider provider, Instant probeAt, int probeAttempt, boolean reparking) {
        return jdbc.sql("""
                UPDATE sync_connections SET parked_until = ?, probe_attempt = ?
                 WHERE trainer_id = ? AND provider = ? AND (parked_until IS NULL OR ?)""")
                .params(Timestamp.from(probeAt), probeAttempt, trainerId, provider.value(), reparking).update() > 0;
    }

    /** A success: the breaker closes. */
    public void closeBreaker(UUID trainerId, Provider provider) {
        jdbc.sql("""
                UPDATE sync_connections SET consecutive_failures = 0, parked_until = NULL, probe_attempt = 0
                 WHERE trainer_id = ? AND provider = ?""")
                .params(trainerId, provider.value()).update();
    }

    public void markDraining(UUID trainerId, Provider provider) {
        jdbc.sql("UPDATE sync_connections SET state = 'draining', updated_at = NOW() "
                        + "WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).update();
    }

    /** Deletes a drained connection; false when it was reconnected meanwhile (no longer draining). */
    public boolean deleteIfDraining(UUID trainerId, Provider provider) {
        return jdbc.sql("DELETE FROM sync_connections WHERE trainer_id = ? AND provider = ? AND state = 'draining'")
                .params(trainerId, provider.value()).update() > 0;
    }

    public void delete(UUID trainerId, Provider provider) {
        jdbc.sql("DELETE FROM sync_connections WHERE trainer_id = ? AND provider = ?")
                .params(trainerId, provider.value()).update();
    }

    private static String aad(UUID trainerId, Provider provider) {
        return "sync_connections:" + trainerId + ":" + provider.value();
    }
}

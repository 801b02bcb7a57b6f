package app.spotter.trainer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrainerRepository {

    record Credentials(UUID id, String passwordHash, int version) {}

    /** An API token as the trainer may see it: never the secret nor its hash. */
    record TokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

    /** A token unused this long stops working. */
    static final String UNUSED_EXPIRY = "90 days";

    private final JdbcClient jdbc;

    TrainerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Trainer insert(String name, String email, String passwordHash, ZoneId timezone) {
        UUID id = jdbc.sql("""
                INSERT INTO trainers (name, email, password_hash, timezone) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(name, email, passwordHash, timezone.getId())
                .query(UUID.class).single();
        return new Trainer(id, name, email, timezone);
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM trainers WHERE lower(email) = lower(?))")
                .param(email).query(Boolean.class).single();
    }

    Optional<Trainer> find(UUID id) {
        return jdbc.sql("SELECT id, name, email, timezone FROM trainers WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Trainer(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("email"), ZoneId.of(rs.getString("timezone"))))
                .optional();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                SELECT id, password_hash, credentials_version FROM trainers
                WHERE lower(email) = lower(?) AND deleting_since IS NULL""")
                .param(email)
                .query((rs, n) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"),
                        rs.getInt("credentials_version")))
                .optional();
    }

    Optional<Credentials> credentials(UUID id) {
        return jdbc.sql("""
                SELECT id, password_hash, credentials_version FROM trainers WHERE id = ? AND deleting_since IS NULL""")
                .param(id)
                .query((rs, n) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"),
                        rs.getInt("credentials_version")))
                .optional();
    }

    /** The current credentials version of a trainer who may sign in; empty when the account is gone or going. */
    Optional<Integer> credentialsVersion(UUID id) {
        return jdbc.sql("SELECT credentials_version FROM trainers WHERE id = ? AND deleting_since IS NULL")
                .param(id).query(Integer.class).optional();
    }

    /** A new password hash and a new credentials version (every browser session signed in before ends). */
    int changePassword(UUID id, String passwordHash) {
        return jdbc.sql("""
                UPDATE trainers SET password_hash = ?, credentials_version = credentials_version + 1,
                       updated_at = NOW()
                WHERE id = ? RETURNING credentials_version""")
                .params(passwordHash, id).query(Integer.class).single();
    }

    /** Revokes every token of the trainer except the one with this hash (null: all of them). */
    void revokeTokensExcept(UUID trainerId, byte[] keptHash) {
        jdbc.sql("DELETE FROM api_tokens WHERE trainer_id = ? AND (CAST(? AS bytea) IS NULL OR token_hash <> ?)")
                .params(trainerId, keptHash, keptHash).update();
    }

    List<TokenInfo> tokens(UUID trainerId) {
        return jdbc.sql("""
                SELECT id, name, created_at, last_used_at,
                       COALESCE(last_used_at, created_at) + CAST(? AS interval) AS expires_at
                FROM api_tokens
                WHERE trainer_id = ? AND COALESCE(last_used_at, created_at) > NOW() - CAST(? AS interval)
                ORDER BY created_at DESC, id
                LIMIT 500""")
                .params(UNUSED_EXPIRY, trainerId, UNUSED_EXPIRY)
                .query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("expires_at"))))
                .list();
    }

    boolean revokeToken(UUID trainerId, UUID tokenId) {
        return jdbc.sql("DELETE FROM api_tokens WHERE trainer_id = ? AND id = ?").params(trainerId, tokenId)
                .update() == 1;
    }

    /** Drops tokens unused for longer than the expiry (they no longer authenticate anyway). */
    int deleteExpiredTokens() {
        return jdbc.sql("DELETE FROM api_tokens WHERE COALESCE(last_used_at, created_at) < NOW() - CAST(? AS interval)")
                .param(UNUSED_EXPIRY).update();
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    UUID storeToken(UUID trainerId, byte[] tokenHash, String name) {
        return jdbc.sql("INSERT INTO api_tokens (token_hash, trainer_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(tokenHash, trainerId, name).query(UUID.class).single();
    }

    /**
     * The trainer a live token belongs to. A token unused for 90 days has expired. {@code last_used_at} is written
     * at most once an hour per token, so the hot path stays one read.
     */
    Optional<SignedInTrainer> trainerForToken(byte[] tokenHash) {
        record Found(SignedInTrainer trainer, boolean stale) {}
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, t.timezone, t.credentials_version,
                       (a.last_used_at IS NULL OR a.last_used_at < NOW() - INTERVAL '1 hour') AS stale
                FROM api_tokens a JOIN trainers t ON t.id = a.trainer_id
                WHERE a.token_hash = ? AND t.deleting_since IS NULL
                  AND COALESCE(a.last_used_at, a.created_at) > NOW() - CAST(? AS interval)""")
                .params(tokenHash, UNUSED_EXPIRY)
                .query((rs, n) -> new Found(new SignedInTrainer(rs.getObject(1, UUID.class),
                        ZoneId.of(rs.getString(2)), rs.getInt(3), tokenHash), rs.getBoolean(4)))
                .optional();
        found.filter(Found::stale).ifPresent(f -> jdbc.sql("UPDATE api_tokens SET last_used_at = NOW() WHERE token_hash = ?")
                .param(tokenHash).update());
        return found.map(Found::trainer);
    }

    /** Marks the account as being deleted: no sign-in, no token, no session from now on. */
    boolean markDeleting(UUID id) {
        int updated = jdbc.sql("""
                UPDATE trainers SET deleting_since = NOW(), credentials_version = credentials_version + 1,
                       updated_at = NOW()
                WHERE id = ? AND deleting_since IS NULL""").param(id).update();
        jdbc.sql("DELETE FROM api_tokens WHERE trainer_id = ?").param(id).update();
        return updated == 1;
    }

    /** Trainers whose deletion was asked for, oldest first, with when. */
    List<java.util.Map.Entry<UUID, Instant>> deleting() {
        return jdbc.sql("SELECT id, deleting_since FROM trainers WHERE deleting_since IS NOT NULL "
                        + "ORDER BY deleting_since LIMIT 100")
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
    }

    void changeTimezone(UUID id, ZoneId zone) {
        jdbc.sql("UPDATE trainers SET timezone = ?, updated_at = NOW() WHERE id = ?").params(zone.getId(), id).update();
    }
}

package app.spotter.feed;

import app.spotter.support.crypto.SecretBox;
import app.spotter.support.crypto.Tokens;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code feed_tokens}: one secret per trainer. Requests are matched by the token's SHA-256 (an index lookup on a
 * value the caller cannot steer, so its timing tells nothing about stored tokens); the sealed copy exists only to
 * show the trainer their own URL again.
 */
@Repository
class FeedTokens {

    private final JdbcClient jdbc;
    private final SecretBox box;

    FeedTokens(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    Optional<UUID> trainerFor(String token) {
        return jdbc.sql("SELECT trainer_id FROM feed_tokens WHERE token_hash = ?")
                .param(Tokens.hash(token)).query(UUID.class).optional();
    }

    Optional<String> current(UUID trainerId) {
        return jdbc.sql("SELECT token_sealed FROM feed_tokens WHERE trainer_id = ?")
                .param(trainerId).query(byte[].class).optional()
                .map(sealed -> box.open(sealed, aad(trainerId)));
    }

    /** Stores a token unless the trainer has one already (two first requests at once keep the same one). */
    void createIfAbsent(UUID trainerId, String token) {
        jdbc.sql("""
                INSERT INTO feed_tokens (trainer_id, token_hash, token_sealed) VALUES (?, ?, ?)
                ON CONFLICT (trainer_id) DO NOTHING""")
                .params(trainerId, Tokens.hash(token), box.seal(token, aad(trainerId))).update();
    }

    /** Replaces the trainer's token; the old one stops matching in the same statement. */
    void replace(UUID trainerId, String token) {
        jdbc.sql("""
                INSERT INTO feed_tokens (trainer_id, token_hash, token_sealed) VALUES (?, ?, ?)
                ON CONFLICT (trainer_id) DO UPDATE
                   SET token_hash = EXCLUDED.token_hash, token_sealed = EXCLUDED.token_sealed, created_at = NOW()""")
                .params(trainerId, Tokens.hash(token), box.seal(token, aad(trainerId))).update();
    }

    void delete(UUID trainerId) {
        jdbc.sql("DELETE FROM feed_tokens WHERE trainer_id = ?").param(trainerId).update();
    }

    private static String aad(UUID trainerId) {
        return "feed_tokens:" + trainerId;
    }
}

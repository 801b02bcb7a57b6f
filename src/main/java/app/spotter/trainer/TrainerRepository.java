package app.spotter.trainer;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrainerRepository {

    record Credentials(UUID id, String passwordHash) {}

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
        return jdbc.sql("SELECT id, password_hash FROM trainers WHERE lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash")))
                .optional();
    }

    void storeToken(UUID trainerId, byte[] tokenHash) {
        jdbc.sql("INSERT INTO api_tokens (token_hash, trainer_id) VALUES (?, ?)").params(tokenHash, trainerId).update();
    }

    Optional<SignedInTrainer> trainerForToken(byte[] tokenHash) {
        return jdbc.sql("""
                SELECT t.id, t.timezone FROM api_tokens a JOIN trainers t ON t.id = a.trainer_id
                WHERE a.token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> new SignedInTrainer(rs.getObject(1, UUID.class), ZoneId.of(rs.getString(2))))
                .optional();
    }

    void changeTimezone(UUID id, ZoneId zone) {
        jdbc.sql("UPDATE trainers SET timezone = ?, updated_at = NOW() WHERE id = ?").params(zone.getId(), id).update();
    }
}

package app.spotter.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement filters by trainer_id: a client id alone never reaches a row. */
@Repository
class ClientRepository {

    private static final String COLUMNS = "id, trainer_id, first_name, last_name, email, phone, consent_given_at";

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Client insert(Client c) {
        return jdbc.sql("INSERT INTO clients (trainer_id, first_name, last_name, email, phone, consent_given_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
                .params(c.trainerId(), c.firstName(), c.lastName(), c.email(), c.phone(), timestamp(c))
                .query(ClientRepository::map).single();
    }

    void update(Client c) {
        jdbc.sql("""
                UPDATE clients SET first_name = ?, last_name = ?, email = ?, phone = ?, consent_given_at = ?,
                       updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND deleted_at IS NULL""")
                .params(c.firstName(), c.lastName(), c.email(), c.phone(), timestamp(c), c.id(), c.trainerId())
                .update();
    }

    Optional<Client> find(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE id = ? AND trainer_id = ? AND deleted_at IS NULL")
                .params(id, trainerId).query(ClientRepository::map).optional();
    }

    List<Client> list(UUID trainerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE trainer_id = ? AND deleted_at IS NULL "
                        + "ORDER BY lower(last_name), lower(first_name), id")
                .param(trainerId).query(ClientRepository::map).list();
    }

    /** One page in name order, after the client with id {@code after} (the previous page's last) when given. */
    List<Client> page(UUID trainerId, UUID after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM clients c
                WHERE trainer_id = ? AND deleted_at IS NULL
                  AND (CAST(? AS uuid) IS NULL OR (lower(last_name), lower(first_name), id) >
                       (SELECT lower(p.last_name), lower(p.first_name), p.id FROM clients p
                         WHERE p.id = ? AND p.trainer_id = c.trainer_id))
                ORDER BY lower(last_name), lower(first_name), id
                LIMIT ?""")
                .params(trainerId, after, after, limit).query(ClientRepository::map).list();
    }

    /** Counts the client's sessions still on the calendar; they have to be cancelled before the client goes. */
    int scheduledBookings(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE trainer_id = ? AND client_id = ? AND status = 'scheduled'")
                .params(trainerId, id).query(Integer.class).single();
    }

    /**
     * Soft delete: past bookings keep their client row for the trainer's history, but the contact details are
     * erased (POPIA s14: not kept longer than needed).
     */
    boolean delete(UUID trainerId, UUID id) {
        return jdbc.sql("""
                UPDATE clients SET deleted_at = NOW(), email = NULL, phone = NULL, updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND deleted_at IS NULL""")
                .params(id, trainerId).update() == 1;
    }

    private static Timestamp timestamp(Client c) {
        return c.consentGivenAt() == null ? null : Timestamp.from(c.consentGivenAt());
    }

    private static Client map(ResultSet rs, int row) throws SQLException {
        Timestamp consent = rs.getTimestamp("consent_given_at");
        return new Client(rs.getObject("id", UUID.class), rs.getObject("trainer_id", UUID.class),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                consent == null ? null : consent.toInstant());
    }
}

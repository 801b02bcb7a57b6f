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

    /**
     * Like {@link #find} but also an erased client whose address is still kept until the calendars have let go
     * of their sessions (the email calendar sends them a CANCEL): their names are already gone.
     */
    Optional<Client> findForCalendars(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE id = ? AND trainer_id = ? "
                        + "AND (deleted_at IS NULL OR (erased_at IS NOT NULL AND email IS NOT NULL))")
                .params(id, trainerId).query(ClientRepository::map).optional();
    }

    /** Every client of the trainer, archived and deleted ones too (for the trainer's own export). */
    List<Client> all(UUID trainerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE trainer_id = ? ORDER BY created_at, id")
                .param(trainerId).query(ClientRepository::map).list();
    }

    /**
     * POPIA erasure: names, phone and consent go now and the row stays only as an anonymous tombstone with counts.
     * The email address stays until no calendar holds the client's sessions (see {@link #scrubDrainedErasures}).
     */
    boolean erase(UUID trainerId, UUID id, String countsJson) {
        return jdbc.sql("""
                UPDATE clients SET first_name = '', last_name = '', phone = NULL, consent_given_at = NULL,
                       erased_at = NOW(), deleted_at = COALESCE(deleted_at, NOW()), archived_at = NULL,
                       erased_counts = CAST(? AS jsonb), updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND erased_at IS NULL""")
                .params(countsJson, id, trainerId).update() == 1 && notesDeleted(trainerId, id);
    }

    private boolean notesDeleted(UUID trainerId, UUID id) {
        jdbc.sql("DELETE FROM client_notes WHERE client_id = ? AND trainer_id = ?").params(id, trainerId).update();
        return true;
    }

    boolean isArchived(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT archived_at IS NOT NULL FROM clients WHERE id = ? AND trainer_id = ? "
                        + "AND deleted_at IS NULL")
                .params(id, trainerId).query(Boolean.class).optional().orElse(false);
    }

    /** The trainer's private notes about the client, or null. Kept apart from {@link Client} (see V92). */
    String notes(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT notes FROM client_notes WHERE client_id = ? AND trainer_id = ?")
                .params(id, trainerId).query(String.class).optional().orElse(null);
    }

    /** Saves the notes of a current client; null or blank removes them. */
    void saveNotes(UUID trainerId, UUID id, String notes) {
        if (notes == null || notes.isBlank()) {
            notesDeleted(trainerId, id);
            return;
        }
        jdbc.sql("""
                INSERT INTO client_notes (client_id, trainer_id, notes)
                SELECT id, trainer_id, ? FROM clients WHERE id = ? AND trainer_id = ? AND deleted_at IS NULL
                ON CONFLICT (client_id) DO UPDATE SET notes = EXCLUDED.notes, updated_at = NOW()""")
                .params(notes, id, trainerId).update();
    }

    /**
     * Drops the last address of erased clients once no calendar holds, or is still to be told about, any of their
     * sessions; after a day it goes regardless (a calendar that never reconnects must not keep it for ever).
     */
    int scrubDrainedErasures() {
        return jdbc.sql("""
                UPDATE clients c SET email = NULL, updated_at = NOW()
                WHERE c.erased_at IS NOT NULL AND c.email IS NOT NULL
                  AND (c.erased_at < NOW() - INTERVAL '1 day' OR NOT EXISTS (
                        SELECT 1 FROM bookings b WHERE b.client_id = c.id AND b.trainer_id = c.trainer_id
                          AND (EXISTS (SELECT 1 FROM calendar_events e WHERE e.booking_id = b.id)
                               OR EXISTS (SELECT 1 FROM sync_pending p WHERE p.booking_id = b.id))))""")
                .update();
    }

    /** Archive (true) or bring back (false): reversible, unlike erase; an archived client is hidden from lists. */
    boolean archive(UUID trainerId, UUID id, boolean archived) {
        return jdbc.sql("""
                UPDATE clients SET archived_at = CASE WHEN ? THEN COALESCE(archived_at, NOW()) END, updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND deleted_at IS NULL""")
                .params(archived, id, trainerId).update() == 1;
    }

    List<Client> list(UUID trainerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE trainer_id = ? AND deleted_at IS NULL "
                        + "ORDER BY lower(last_name), lower(first_name), id")
                .param(trainerId).query(ClientRepository::map).list();
    }

    /** One page in name order, after the client with id {@code after} (the previous page's last) when given. */
    List<Client> page(UUID trainerId, boolean archived, UUID after, int limit) {
        return page(trainerId, archived, null, after, limit);
    }

    /**
     * As {@link #page(UUID, boolean, UUID, int)}, narrowed to clients whose name, email or phone contains
     * {@code query} (case-insensitive; null or blank: everyone). The query is a bound LIKE pattern with its own
     * wildcards escaped, so "%" finds a literal percent sign.
     */
    List<Client> page(UUID trainerId, boolean archived, String query, UUID after, int limit) {
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM clients c
                WHERE trainer_id = ? AND deleted_at IS NULL AND (archived_at IS NULL) = NOT ?
                  AND (CAST(? AS text) IS NULL OR (first_name || ' ' || last_name) ILIKE ?
                       OR email ILIKE ? OR phone ILIKE ?)
                  AND (CAST(? AS uuid) IS NULL OR (lower(last_name), lower(first_name), id) >
                       (SELECT lower(p.last_name), lower(p.first_name), p.id FROM clients p
                         WHERE p.id = ? AND p.trainer_id = c.trainer_id))
                ORDER BY lower(last_name), lower(first_name), id
                LIMIT ?""")
                .params(trainerId, archived, pattern, pattern, pattern, pattern, after, after, limit)
                .query(ClientRepository::map).list();
    }

    /** When any of the trainer's clients last changed (their names show in calendars). */
    java.time.Instant lastChange(UUID trainerId) {
        return jdbc.sql("SELECT COALESCE(max(updated_at), TIMESTAMPTZ 'epoch') FROM clients WHERE trainer_id = ?")
                .param(trainerId).query(Timestamp.class).single().toInstant();
    }

    /** Counts the client's sessions still on the calendar; they have to be cancelled before the client goes. */
    int scheduledBookings(UUID trainerId, UUID id) {
        return jdbc.sql("""
                SELECT count(*) FROM bookings b WHERE b.trainer_id = ? AND b.status = 'scheduled'
                   AND (b.client_id = ? OR EXISTS (SELECT 1 FROM booking_participants p
                                                   WHERE p.booking_id = b.id AND p.client_id = ?))""")
                .params(trainerId, id, id).query(Integer.class).single();
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

package app.spotter.sync.email;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code email_invitation_copies}: what each recipient last received of a booking, one row per place (the trainer's copy, each client's). */
@Repository
class EmailCopyStore {

    private final JdbcClient jdbc;

    EmailCopyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SentCopy> find(UUID trainerId, UUID bookingId) {
        return jdbc.sql("""
                SELECT recipient, client_id, address, fingerprint, sequence, series_parts
                FROM email_invitation_copies WHERE trainer_id = ? AND booking_id = ?""")
                .params(trainerId, bookingId)
                .query((rs, n) -> new SentCopy("client".equals(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5), SeriesParts.decode(rs.getString(6))))
                .list();
    }

    /**
     * The client copies sent for a booking, whoever's it is: a reply names only the booking (its UID), and the copy
     * it answers tells the trainer. Used only to match a reply to the invitation it answers.
     */
    List<ReplyDecision.SentTo> clientCopiesOf(UUID bookingId) {
        return jdbc.sql("""
                SELECT trainer_id, client_id, address, sequence FROM email_invitation_copies
                WHERE booking_id = ? AND recipient = 'client' AND client_id IS NOT NULL""")
                .param(bookingId)
                .query((rs, n) -> new ReplyDecision.SentTo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4)))
                .list();
    }

    void save(UUID trainerId, UUID bookingId, SentCopy copy) {
        jdbc.sql("""
                INSERT INTO email_invitation_copies (booking_id, trainer_id, recipient, client_id, address,
                                                     fingerprint, sequence, series_parts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (booking_id, recipient, COALESCE(client_id, '00000000-0000-0000-0000-000000000000'::uuid))
                DO UPDATE
                   SET address = EXCLUDED.address,
                       fingerprint = EXCLUDED.fingerprint, sequence = EXCLUDED.sequence,
                       series_parts = EXCLUDED.series_parts, sent_at = NOW()""")
                .params(bookingId, trainerId, place(copy.client()), copy.clientId(), copy.address(),
                        copy.fingerprint(), copy.sequence(), copy.parts() == null ? null : copy.parts().encode())
                .update();
    }

    /** Forgets one place: the trainer's copy ({@code copy.clientId()} null) or one client's. */
    void delete(UUID trainerId, UUID bookingId, SentCopy copy) {
        jdbc.sql("""
                DELETE FROM email_invitation_copies WHERE trainer_id = ? AND booking_id = ? AND recipient = ?
                   AND client_id IS NOT DISTINCT FROM ?""")
                .params(trainerId, bookingId, place(copy.client()), copy.clientId()).update();
    }

    private static String place(boolean client) {
        return client ? "client" : "trainer";
    }
}

package app.spotter.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What invited clients answered, kept per participant. Recording is not a change of the booking: no calendar is
 * told, the aggregate's state machine is untouched, and a participant who has left has nothing to record.
 */
@Service
public class Replies {

    /** An answer as recorded. */
    public record Answer(UUID clientId, Reply reply, int sequence, Instant repliedAt) {}

    /**
     * What recording did.
     *
     * @param recorded false when the client is not (or no longer) in the session or already answered a later version
     * @param earlier the answer it replaced; null when there was none
     */
    public record Outcome(boolean recorded, Reply earlier) {

        /** A decline that was not the answer before: the trainer should hear of it. */
        public boolean newDecline(Reply now) {
            return recorded && now == Reply.DECLINED && earlier != Reply.DECLINED;
        }
    }

    /** A decline the trainer has not dismissed yet. */
    public record Decline(UUID bookingId, UUID clientId, Instant startsAt, Instant repliedAt) {}

    private final JdbcClient jdbc;
    private final BookingActivity activity;
    private final app.spotter.client.Clients clients;

    Replies(JdbcClient jdbc, BookingActivity activity, app.spotter.client.Clients clients) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.clients = clients;
    }

    /**
     * Records the answer unless one to a later version is already there (RFC 5546 2.1.5: the latest SEQUENCE wins;
     * among answers to the same version, the later one).
     */
    @Transactional
    public Outcome record(UUID trainerId, UUID bookingId, UUID clientId, Reply reply, int sequence,
            Instant at) {
        var before = jdbc.sql("""
                SELECT reply, reply_sequence FROM booking_participants
                WHERE trainer_id = ? AND booking_id = ? AND client_id = ? FOR UPDATE""")
                .params(trainerId, bookingId, clientId)
                .query((rs, n) -> new Object[] {rs.getString(1), (Integer) rs.getObject(2)})
                .optional();
        if (before.isEmpty() || (before.get()[1] != null && (Integer) before.get()[1] > sequence)) {
            return new Outcome(false, null);
        }
        jdbc.sql("""
                UPDATE booking_participants
                   SET reply = ?, reply_sequence = ?, replied_at = ?,
                       decline_seen_at = CASE WHEN ? = 'declined' THEN NULL ELSE decline_seen_at END
                 WHERE trainer_id = ? AND booking_id = ? AND client_id = ?""")
                .params(reply.value(), sequence, java.sql.Timestamp.from(at), reply.value(), trainerId, bookingId,
                        clientId)
                .update();
        String earlier = (String) before.get()[0];
        if (earlier == null || Reply.of(earlier) != reply) {
            String who = clients.find(trainerId, clientId).map(app.spotter.client.Client::displayName)
                    .orElse("The client");
            activity.record(trainerId, bookingId, BookingActivity.Kind.CLIENT_REPLIED, "email",
                    who + (reply == Reply.TENTATIVE ? " answered maybe" : " " + reply.value()), false, at);
        }
        return new Outcome(true, earlier == null ? null : Reply.of(earlier));
    }

    /** The answers of the given bookings' participants, by booking; participants who have not answered are absent. */
    public Map<UUID, List<Answer>> of(UUID trainerId, Collection<UUID> bookingIds) {
        Map<UUID, List<Answer>> answers = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return answers;
        }
        jdbc.sql("""
                SELECT booking_id, client_id, reply, reply_sequence, replied_at FROM booking_participants
                WHERE trainer_id = ? AND booking_id = ANY(?) AND reply IS NOT NULL ORDER BY position""")
                .params(trainerId, bookingIds.toArray(UUID[]::new))
                .query(rs -> {
                    answers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new Answer(rs.getObject(2, UUID.class), Reply.of(rs.getString(3)), rs.getInt(4),
                                    rs.getTimestamp(5).toInstant()));
                });
        return answers;
    }

    /** Declines the trainer has not dismissed, of sessions not yet over, soonest first (at most 20). */
    public List<Decline> unseenDeclines(UUID trainerId, Instant now) {
        return jdbc.sql("""
                SELECT p.booking_id, p.client_id, b.starts_at, p.replied_at
                  FROM booking_participants p JOIN bookings b ON b.id = p.booking_id AND b.trainer_id = p.trainer_id
                 WHERE p.trainer_id = ? AND p.reply = 'declined' AND p.decline_seen_at IS NULL
                   AND b.status = 'scheduled' AND b.starts_at >= ?
                 ORDER BY b.starts_at LIMIT 20""")
                .params(trainerId, java.sql.Timestamp.from(now))
                .query((rs, n) -> new Decline(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The trainer has seen the decline: its notice goes. */
    public void dismissDecline(UUID trainerId, UUID bookingId, UUID clientId, Instant at) {
        jdbc.sql("""
                UPDATE booking_participants SET decline_seen_at = ?
                 WHERE trainer_id = ? AND booking_id = ? AND client_id = ? AND reply = 'declined'""")
                .params(java.sql.Timestamp.from(at), trainerId, bookingId, clientId).update();
    }
}

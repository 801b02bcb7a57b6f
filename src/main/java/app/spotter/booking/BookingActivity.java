package app.spotter.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened to a booking, as the trainer reads it: moves and deletions made in a calendar, what Spotter put
 * back and why, clients' replies. Entries that need the trainer's attention are notices until dismissed. Every
 * query is scoped to the trainer; recording for a booking that is not theirs records nothing.
 */
@Service
public class BookingActivity {

    /** What kind of thing happened (the wire value is the lower-case name). */
    public enum Kind {
        MOVED_IN_CALENDAR, PUT_BACK, REMOVED_IN_CALENDAR, RESTORED_IN_CALENDAR, CLIENT_REPLIED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One entry.
     *
     * @param provider the calendar it happened in ({@code apple}, {@code google}), or null
     * @param notice whether the trainer is told until they dismiss it
     */
    public record Entry(UUID id, UUID bookingId, Instant at, String kind, String provider, String message,
            boolean notice, Instant seenAt) {}

    private static final int LONGEST_MESSAGE = 500;

    private final JdbcClient jdbc;

    BookingActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID trainerId, UUID bookingId, Kind kind, String provider, String message, boolean notice,
            Instant at) {
        record(trainerId, bookingId, kind, provider, message, notice, at, null);
    }

    /**
     * @param remoteEtag the calendar's version of a change made there that this entry is about: one change is
     *     recorded once, whichever part of the sync engine meets it first (null: no such key)
     */
    public void record(UUID trainerId, UUID bookingId, Kind kind, String provider, String message, boolean notice,
            Instant at, String remoteEtag) {
        String text = message.length() > LONGEST_MESSAGE ? message.substring(0, LONGEST_MESSAGE - 1) + "…" : message;
        jdbc.sql("""
                INSERT INTO booking_activity (id, trainer_id, booking_id, at, kind, provider, message, notice,
                                              remote_etag)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM bookings WHERE id = ? AND trainer_id = ?)
                ON CONFLICT (booking_id, provider, remote_etag) WHERE remote_etag IS NOT NULL DO NOTHING""")
                .params(UUID.randomUUID(), trainerId, bookingId, Timestamp.from(at), kind.value(), provider, text,
                        notice, remoteEtag, bookingId, trainerId)
                .update();
    }

    /** A booking's activity, oldest first (at most the latest 200 entries). */
    public List<Entry> of(UUID trainerId, UUID bookingId) {
        List<Entry> latest = jdbc.sql("""
                SELECT id, booking_id, at, kind, provider, message, notice, seen_at FROM booking_activity
                WHERE trainer_id = ? AND booking_id = ? ORDER BY at DESC, id LIMIT 200""")
                .params(trainerId, bookingId).query(BookingActivity::map).list();
        return latest.reversed();
    }

    /** Notices the trainer has not dismissed, newest first (at most 50), of any booking. */
    public List<Entry> unseenNotices(UUID trainerId) {
        return jdbc.sql("""
                SELECT id, booking_id, at, kind, provider, message, notice, seen_at FROM booking_activity
                WHERE trainer_id = ? AND notice AND seen_at IS NULL ORDER BY at DESC, id LIMIT 50""")
                .param(trainerId).query(BookingActivity::map).list();
    }

    /** @return false when there is no such notice of this trainer's */
    public boolean dismiss(UUID trainerId, UUID entryId, Instant at) {
        return jdbc.sql("UPDATE booking_activity SET seen_at = coalesce(seen_at, ?) WHERE trainer_id = ? AND id = ? "
                        + "AND notice")
                .params(Timestamp.from(at), trainerId, entryId).update() == 1;
    }

    private static Entry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp seen = rs.getTimestamp(8);
        return new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                seen == null ? null : seen.toInstant());
    }
}

package app.spotter.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement filters by trainer_id, so a booking id from another trainer finds nothing. */
@Repository
class BookingRepository {

    record Overlap(Instant startsAt, Instant endsAt) {}

    private static final String COLUMNS =
            "id, trainer_id, client_id, starts_at, ends_at, session_type, location, notes, color_hex, status, sequence, "
            + "series_id, occurrence_start";

    /**
     * What every read selects: the row plus its participants as {@code "<client id>:<attendance>,..."} in order
     * (one subquery per row, on the participants' primary key). A row without participant rows (written by code
     * that knows only client_id) reads as its one client.
     */
    private static final String READ = COLUMNS + ", capacity, cancel_reason, late_cancel, "
            + "(SELECT string_agg(p.client_id::text || ':' || COALESCE(p.attendance, ''), ',' ORDER BY p.position)"
            + " FROM booking_participants p WHERE p.booking_id = bookings.id) AS participant_list";

    /** "The booking has this client" (two bind parameters, both the client's id). */
    private static final String HAS_CLIENT = "(client_id = ? OR EXISTS (SELECT 1 FROM booking_participants p "
            + "WHERE p.booking_id = bookings.id AND p.client_id = ?))";

    /** Rows fetched per round trip when streaming (PostgreSQL uses a cursor only inside a transaction). */
    static final int STREAM_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    BookingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
    }

    /**
     * Inserts a new scheduled booking unless it overlaps another scheduled booking of the trainer; false when it
     * does. The check rides in the insert (one statement on the hot path); two concurrent inserts that both pass
     * it are still stopped by the exclusion constraint.
     */
    boolean insertUnlessOverlapping(Booking b) {
        BookingDetails d = b.details();
        boolean inserted = jdbc.sql("INSERT INTO bookings (" + COLUMNS + ", capacity) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
                        + "AND tstzrange(starts_at, ends_at) && tstzrange(?, ?))")
                .params(b.id(), b.trainerId(), d.clientId(), ts(d.startsAt()), ts(d.endsAt()),
                        d.sessionType().value(), d.location(), d.notes(), d.colorHex(), b.status().value(),
                        b.sequence(), b.seriesId(), ts(b.occurrenceStart()), b.ownCapacity(), b.trainerId(),
                        ts(d.startsAt()), ts(d.endsAt()))
                .update() == 1;
        if (inserted) {
            saveParticipants(b);
        }
        return inserted;
    }

    /**
     * Writes the participants as the aggregate holds them: those who left go, the others are upserted with their
     * position and attendance (the time of a mark changes only with the mark).
     */
    private void saveParticipants(Booking b) {
        String ids = b.clientIds().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("DELETE FROM booking_participants WHERE booking_id = ? AND trainer_id = ? "
                        + "AND client_id <> ALL (CAST(? AS uuid[]))")
                .params(b.id(), b.trainerId(), ids).update();
        int position = 0;
        for (Participant p : b.participants()) {
            jdbc.sql("""
                    INSERT INTO booking_participants (booking_id, trainer_id, client_id, position, attendance,
                                                      attendance_marked_at)
                    VALUES (?, ?, ?, ?, ?, CASE WHEN CAST(? AS varchar) IS NULL THEN NULL ELSE NOW() END)
                    ON CONFLICT (booking_id, client_id) DO UPDATE
                       SET position = EXCLUDED.position, attendance = EXCLUDED.attendance,
                           attendance_marked_at = CASE
                               WHEN booking_participants.attendance IS NOT DISTINCT FROM EXCLUDED.attendance
                               THEN booking_participants.attendance_marked_at ELSE EXCLUDED.attendance_marked_at END""")
                    .params(b.id(), b.trainerId(), p.clientId(), position++, attendance(p), attendance(p))
                    .update();
        }
    }

    /**
     * Saves one participant's mark, and only that row: a mark is not a calendar change, so the booking row (and its
     * optimistic lock) stays as it is, and writing the whole list could drop a participant added meanwhile.
     */
    void saveAttendance(Booking b, UUID clientId) {
        Participant p = b.participants().stream().filter(x -> x.clientId().equals(clientId)).findFirst()
                .orElseThrow();
        int marked = jdbc.sql("""
                UPDATE booking_participants SET attendance = ?, attendance_marked_at = NOW()
                WHERE booking_id = ? AND trainer_id = ? AND client_id = ?""")
                .params(attendance(p), b.id(), b.trainerId(), clientId).update();
        if (marked == 0) {
            saveParticipants(b); // a booking written without participant rows: write them all now
        }
    }

    private static String attendance(Participant p) {
        return p.attendance() == null ? null : p.attendance().value();
    }

    /** Saves a changed aggregate; false when someone else changed it since it was loaded (optimistic lock). */
    boolean update(Booking b) {
        BookingDetails d = b.details();
        return jdbc.sql("""
                UPDATE bookings SET client_id = ?, starts_at = ?, ends_at = ?, session_type = ?, location = ?,
                       notes = ?, color_hex = ?, status = ?, sequence = ?, capacity = ?, cancel_reason = ?,
                       late_cancel = ?, updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND sequence = ?""")
                .params(d.clientId(), ts(d.startsAt()), ts(d.endsAt()), d.sessionType().value(), d.location(),
                        d.notes(), d.colorHex(), b.status().value(), b.sequence(), b.ownCapacity(),
                        b.cancelReason(), b.lateCancel(), b.id(), b.trainerId(), b.loadedSequence())
                .update() == 1 && saved(b);
    }

    private boolean saved(Booking b) {
        saveParticipants(b);
        return true;
    }

    Optional<Booking> find(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + READ + " FROM bookings WHERE id = ? AND trainer_id = ?")
                .params(id, trainerId).query(BookingRepository::map).optional();
    }

    /** Bookings overlapping [from, to); either end may be open. Deleted ones are not the trainer's to see. */
    List<Booking> between(UUID trainerId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + READ + """
                 FROM bookings
                WHERE trainer_id = ? AND status <> 'deleted'
                  AND (CAST(? AS timestamptz) IS NULL OR ends_at > ?)
                  AND (CAST(? AS timestamptz) IS NULL OR starts_at < ?)
                ORDER BY starts_at, id""")
                .params(trainerId, ts(from), ts(from), ts(to), ts(to))
                .query(BookingRepository::map).list();
    }

    /**
     * One page of the bookings overlapping [from, to) (either end open), in (starts_at, id) order, starting after
     * the given key when there is one. At most {@code limit} rows are read.
     */
    List<Booking> page(UUID trainerId, Instant from, Instant to, Instant afterStart, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + READ + """
                 FROM bookings
                WHERE trainer_id = ? AND status <> 'deleted'
                  AND (CAST(? AS timestamptz) IS NULL OR ends_at > ?)
                  AND (CAST(? AS timestamptz) IS NULL OR starts_at < ?)
                  AND (CAST(? AS timestamptz) IS NULL OR (starts_at, id) > (?, CAST(? AS uuid)))
                ORDER BY starts_at, id
                LIMIT ?""")
                .params(trainerId, ts(from), ts(from), ts(to), ts(to), ts(afterStart), ts(afterStart), afterId,
                        limit)
                .query(BookingRepository::map).list();
    }

    List<Booking> scheduledFrom(UUID trainerId, Instant from) {
        return jdbc.sql("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
                        + "AND ends_at > ? ORDER BY starts_at, id")
                .params(trainerId, ts(from)).query(BookingRepository::map).list();
    }

    /**
     * Hands each scheduled booking overlapping [from, to) to {@code each}, in (starts_at, id) order, reading
     * {@link #STREAM_FETCH_SIZE} rows at a time: memory stays flat however many there are. Must run inside a
     * transaction, or the driver reads the whole result first.
     */
    void streamScheduled(UUID trainerId, Instant from, Instant to, Consumer<Booking> each) {
        streaming.query("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
                        + "AND ends_at > ? AND starts_at < ? ORDER BY starts_at, id",
                (RowCallbackHandler) rs -> each.accept(map(rs, 0)), trainerId, ts(from), ts(to));
    }

    /** What a feed's entity tag needs: how many scheduled bookings overlap the window, and the latest change. */
    record Fingerprint(long scheduled, Instant lastChange) {}

    Fingerprint fingerprint(UUID trainerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'scheduled' AND ends_at > ? AND starts_at < ?),
                       max(updated_at)
                FROM bookings WHERE trainer_id = ?""")
                .params(ts(from), ts(to), trainerId)
                .query((rs, n) -> new Fingerprint(rs.getLong(1),
                        rs.getTimestamp(2) == null ? Instant.EPOCH : rs.getTimestamp(2).toInstant()))
                .single();
    }

    /** The client's sessions the trainer still sees (not deleted), for erasure. */
    List<UUID> visibleIdsOfClient(UUID trainerId, UUID clientId) {
        return jdbc.sql("SELECT id FROM bookings WHERE trainer_id = ? AND status <> 'deleted' AND " + HAS_CLIENT)
                .params(trainerId, clientId, clientId).query(UUID.class).list();
    }

    /** Every booking the trainer still sees, for account deletion. */
    List<UUID> visibleIds(UUID trainerId) {
        return jdbc.sql("SELECT id FROM bookings WHERE trainer_id = ? AND status <> 'deleted'")
                .param(trainerId).query(UUID.class).list();
    }

    /** Anonymous counts of a client's sessions, as JSON: what is kept after erasure. */
    String anonymousCounts(UUID trainerId, UUID clientId) {
        return jdbc.sql("""
                SELECT jsonb_build_object(
                         'sessions', count(*) FILTER (WHERE status <> 'deleted'),
                         'cancelled', count(*) FILTER (WHERE status = 'cancelled'),
                         'minutes', COALESCE(sum(EXTRACT(EPOCH FROM ends_at - starts_at) / 60)
                                             FILTER (WHERE status = 'scheduled'), 0))::text
                FROM bookings WHERE trainer_id = ? AND """ + HAS_CLIENT)
                .params(trainerId, clientId, clientId).query(String.class).single();
    }

    /**
     * Takes an erased client out of a session that calendars no longer show (cancelled), without touching what it
     * is to the others; the first remaining participant becomes the row's first client.
     */
    void dropParticipant(UUID trainerId, UUID bookingId, UUID clientId, UUID firstOfTheOthers) {
        jdbc.sql("DELETE FROM booking_participants WHERE trainer_id = ? AND booking_id = ? AND client_id = ?")
                .params(trainerId, bookingId, clientId).update();
        jdbc.sql("UPDATE bookings SET client_id = ? WHERE trainer_id = ? AND id = ? AND client_id = ?")
                .params(firstOfTheOthers, trainerId, bookingId, clientId).update();
    }

    /** Removes the free text of a client's sessions (notes and locations): personal information under POPIA. */
    void clearDetailsOfClient(UUID trainerId, UUID clientId) {
        jdbc.sql("UPDATE bookings SET notes = NULL, location = NULL WHERE trainer_id = ? AND client_id = ?")
                .params(trainerId, clientId).update();
    }

    /** Every booking of the trainer, deleted ones excepted, in start order, to {@code each} (for export). */
    void streamVisible(UUID trainerId, Consumer<Booking> each) {
        streaming.query("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND status <> 'deleted' "
                        + "ORDER BY starts_at, id",
                (RowCallbackHandler) rs -> each.accept(map(rs, 0)), trainerId);
    }

    List<Booking> visibleOfClient(UUID trainerId, UUID clientId) {
        return jdbc.sql("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND " + HAS_CLIENT
                        + " AND status <> 'deleted' ORDER BY starts_at, id")
                .params(trainerId, clientId, clientId).query(BookingRepository::map).list();
    }

    /** The client's visible sessions starting in [from, to) (either end open), in start order, at most limit. */
    List<Booking> sessionsOfClient(UUID trainerId, UUID clientId, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND " + HAS_CLIENT + """
                   AND status <> 'deleted'
                   AND (CAST(? AS timestamptz) IS NULL OR starts_at >= ?)
                   AND (CAST(? AS timestamptz) IS NULL OR starts_at < ?)
                 ORDER BY starts_at, id LIMIT ?""")
                .params(trainerId, clientId, clientId, ts(from), ts(from), ts(to), ts(to), limit)
                .query(BookingRepository::map).list();
    }

    /** A client's sessions and attendance starting in [from, to). */
    AttendanceCounts counts(UUID trainerId, UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE b.status = 'scheduled'),
                       count(*) FILTER (WHERE p.attendance = 'attended'),
                       count(*) FILTER (WHERE p.attendance = 'no_show'),
                       count(*) FILTER (WHERE p.attendance = 'late_cancel')
                         + (SELECT count(*) FROM late_removals r JOIN bookings lb
                                ON lb.id = r.booking_id AND lb.trainer_id = r.trainer_id
                             WHERE r.trainer_id = ? AND r.client_id = ? AND lb.status <> 'deleted'
                               AND lb.starts_at >= ? AND lb.starts_at < ?),
                       count(*) FILTER (WHERE b.status = 'cancelled')
                  FROM booking_participants p JOIN bookings b ON b.id = p.booking_id AND b.trainer_id = p.trainer_id
                 WHERE p.trainer_id = ? AND p.client_id = ? AND b.status <> 'deleted'
                   AND b.starts_at >= ? AND b.starts_at < ?""")
                .params(trainerId, clientId, ts(from), ts(to), trainerId, clientId, ts(from), ts(to))
                .query((rs, n) -> new AttendanceCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .single();
    }

    Optional<Overlap> firstOverlap(UUID trainerId, UUID exceptId, Instant start, Instant end) {
        return jdbc.sql("""
                SELECT starts_at, ends_at FROM bookings
                WHERE trainer_id = ? AND status = 'scheduled' AND id <> ?
                  AND tstzrange(starts_at, ends_at) && tstzrange(?, ?)
                ORDER BY starts_at LIMIT 1""")
                .params(trainerId, exceptId, ts(start), ts(end))
                .query((rs, n) -> new Overlap(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** A client taken out of a session inside the late-cancel window (kept for their counts). */
    void recordLateRemoval(UUID trainerId, UUID bookingId, UUID clientId) {
        jdbc.sql("INSERT INTO late_removals (booking_id, trainer_id, client_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (booking_id, client_id) DO NOTHING")
                .params(bookingId, trainerId, clientId).update();
    }

    /** A client back in a session they had left late: it is no longer a late cancellation. */
    void forgetLateRemoval(UUID trainerId, UUID bookingId, UUID clientId) {
        jdbc.sql("DELETE FROM late_removals WHERE booking_id = ? AND trainer_id = ? AND client_id = ?")
                .params(bookingId, trainerId, clientId).update();
    }

    /** A series' sessions in occurrence order; deleted ones (its exclusions) only when asked. */
    List<Booking> ofSeries(UUID trainerId, UUID seriesId, boolean withDeleted) {
        return jdbc.sql("SELECT " + READ + " FROM bookings WHERE trainer_id = ? AND series_id = ? "
                        + "AND (? OR status <> 'deleted') ORDER BY occurrence_start, id")
                .params(trainerId, seriesId, withDeleted).query(BookingRepository::map).list();
    }

    /** The trainer's late-cancel window in hours (24 until they set one). */
    int lateCancelHours(UUID trainerId) {
        return jdbc.sql("SELECT COALESCE((SELECT late_cancel_hours FROM attendance_rules WHERE trainer_id = ?), "
                        + Bookings.DEFAULT_LATE_CANCEL_HOURS + ")")
                .param(trainerId).query(Integer.class).single();
    }

    void setLateCancelHours(UUID trainerId, int hours) {
        jdbc.sql("""
                INSERT INTO attendance_rules (trainer_id, late_cancel_hours) VALUES (?, ?)
                ON CONFLICT (trainer_id) DO UPDATE SET late_cancel_hours = EXCLUDED.late_cancel_hours,
                                                       updated_at = NOW()""")
                .params(trainerId, hours).update();
    }

    /** Removes a deleted booking for good, once no calendar holds it any more. */
    void purge(UUID trainerId, UUID id) {
        // a series' sessions stay: a deleted one is an EXDATE of the series' one calendar object
        jdbc.sql("DELETE FROM bookings WHERE id = ? AND trainer_id = ? AND status = 'deleted' AND series_id IS NULL")
                .params(id, trainerId).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        BookingDetails details = new BookingDetails(rs.getObject("client_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                SessionType.fromValue(rs.getString("session_type")).orElse(SessionType.ONE_ON_ONE),
                rs.getString("location"), rs.getString("notes"), rs.getString("color_hex"));
        Integer capacity = rs.getObject("capacity", Integer.class);
        return new Booking(rs.getObject("id", UUID.class), rs.getObject("trainer_id", UUID.class), details,
                BookingStatus.fromValue(rs.getString("status")), rs.getInt("sequence"),
                participants(rs.getString("participant_list"), details.clientId()),
                capacity, rs.getString("cancel_reason"), rs.getBoolean("late_cancel"))
                .inSeries(rs.getObject("series_id", UUID.class), rs.getTimestamp("occurrence_start") == null ? null
                        : rs.getTimestamp("occurrence_start").toInstant());
    }

    static List<Participant> participants(String list, UUID firstClient) {
        if (list == null || list.isEmpty()) {
            return List.of(new Participant(firstClient, null));
        }
        return java.util.Arrays.stream(list.split(",")).map(item -> {
            int colon = item.indexOf(':');
            String mark = item.substring(colon + 1);
            return new Participant(UUID.fromString(item.substring(0, colon)),
                    mark.isEmpty() ? null : Attendance.fromValue(mark).orElse(null));
        }).toList();
    }
}

package app.spotter.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
        return jdbc.sql("INSERT INTO bookings (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
                        + "AND tstzrange(starts_at, ends_at) && tstzrange(?, ?))")
                .params(b.id(), b.trainerId(), d.clientId(), ts(d.startsAt()), ts(d.endsAt()),
                        d.sessionType().value(), d.location(), d.notes(), d.colorHex(), b.status().value(),
                        b.sequence(), b.seriesId(), ts(b.occurrenceStart()), b.trainerId(), ts(d.startsAt()),
                        ts(d.endsAt()))
                .update() == 1;
    }

    /** Saves a changed aggregate; false when someone else changed it since it was loaded (optimistic lock). */
    boolean update(Booking b) {
        BookingDetails d = b.details();
        return jdbc.sql("""
                UPDATE bookings SET client_id = ?, starts_at = ?, ends_at = ?, session_type = ?, location = ?,
                       notes = ?, color_hex = ?, status = ?, sequence = ?, updated_at = NOW()
                WHERE id = ? AND trainer_id = ? AND sequence = ?""")
                .params(d.clientId(), ts(d.startsAt()), ts(d.endsAt()), d.sessionType().value(), d.location(),
                        d.notes(), d.colorHex(), b.status().value(), b.sequence(), b.id(), b.trainerId(),
                        b.loadedSequence())
                .update() == 1;
    }

    Optional<Booking> find(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE id = ? AND trainer_id = ?")
                .params(id, trainerId).query(BookingRepository::map).optional();
    }

    /** Bookings overlapping [from, to); either end may be open. Deleted ones are not the trainer's to see. */
    List<Booking> between(UUID trainerId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
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
        return jdbc.sql("SELECT " + COLUMNS + """
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
                        + "AND ends_at > ? ORDER BY starts_at, id")
                .params(trainerId, ts(from)).query(BookingRepository::map).list();
    }

    /**
     * Hands each scheduled booking overlapping [from, to) to {@code each}, in (starts_at, id) order, reading
     * {@link #STREAM_FETCH_SIZE} rows at a time: memory stays flat however many there are. Must run inside a
     * transaction, or the driver reads the whole result first.
     */
    void streamScheduled(UUID trainerId, Instant from, Instant to, Consumer<Booking> each) {
        streaming.query("SELECT " + COLUMNS + " FROM bookings WHERE trainer_id = ? AND status = 'scheduled' "
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
        return jdbc.sql("SELECT id FROM bookings WHERE trainer_id = ? AND client_id = ? AND status <> 'deleted'")
                .params(trainerId, clientId).query(UUID.class).list();
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
                FROM bookings WHERE trainer_id = ? AND client_id = ?""")
                .params(trainerId, clientId).query(String.class).single();
    }

    /** Removes the free text of a client's sessions (notes and locations): personal information under POPIA. */
    void clearDetailsOfClient(UUID trainerId, UUID clientId) {
        jdbc.sql("UPDATE bookings SET notes = NULL, location = NULL WHERE trainer_id = ? AND client_id = ?")
                .params(trainerId, clientId).update();
    }

    /** Every booking of the trainer, deleted ones excepted, in start order, to {@code each} (for export). */
    void streamVisible(UUID trainerId, Consumer<Booking> each) {
        streaming.query("SELECT " + COLUMNS + " FROM bookings WHERE trainer_id = ? AND status <> 'deleted' "
                        + "ORDER BY starts_at, id",
                (RowCallbackHandler) rs -> each.accept(map(rs, 0)), trainerId);
    }

    List<Booking> visibleOfClient(UUID trainerId, UUID clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE trainer_id = ? AND client_id = ? "
                        + "AND status <> 'deleted' ORDER BY starts_at, id")
                .params(trainerId, clientId).query(BookingRepository::map).list();
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

    /** A series' sessions in occurrence order; deleted ones (its exclusions) only when asked. */
    List<Booking> ofSeries(UUID trainerId, UUID seriesId, boolean withDeleted) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE trainer_id = ? AND series_id = ? "
                        + "AND (? OR status <> 'deleted') ORDER BY occurrence_start, id")
                .params(trainerId, seriesId, withDeleted).query(BookingRepository::map).list();
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
        return new Booking(rs.getObject("id", UUID.class), rs.getObject("trainer_id", UUID.class), details,
                BookingStatus.fromValue(rs.getString("status")), rs.getInt("sequence"),
                rs.getObject("series_id", UUID.class),
                rs.getTimestamp("occurrence_start") == null ? null : rs.getTimestamp("occurrence_start").toInstant());
    }
}

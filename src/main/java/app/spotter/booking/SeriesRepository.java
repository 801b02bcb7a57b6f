package app.spotter.booking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The series table; every statement filters by trainer_id (except the horizon job's due list, which returns it). */
@Repository
class SeriesRepository {

    private static final String COLUMNS = """
            id, trainer_id, anchor_booking_id, interval_weeks, days, start_date, start_time, duration_minutes, zone,
            until_date, occurrence_count, materialised_until, client_id, session_type, location, notes, color_hex,
            skipped_starts, skipped_reasons""";

    private final JdbcClient jdbc;

    SeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Series s) {
        BookingDetails t = s.template();
        Recurrence r = s.recurrence();
        jdbc.sql("INSERT INTO booking_series (" + COLUMNS + ") VALUES (?, ?, ?, ?, CAST(? AS smallint[]), ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]), CAST(? AS text[]))")
                .params(s.id(), s.trainerId(), s.anchorBookingId(), r.interval(), days(r), s.startDate(),
                        s.startTime(), s.durationMinutes(), s.zone().getId(), r.until(), r.count(),
                        ts(s.materialisedUntil()), t.clientId(), t.sessionType().value(), t.location(), t.notes(),
                        t.colorHex(), skippedStarts(s), skippedReasons(s))
                .update();
    }

    /** Saves the rule, template, horizon and skipped dates (everything but identity). */
    void update(Series s) {
        BookingDetails t = s.template();
        Recurrence r = s.recurrence();
        jdbc.sql("""
                UPDATE booking_series SET interval_weeks = ?, days = CAST(? AS smallint[]), start_date = ?,
                       start_time = ?, duration_minutes = ?, until_date = ?, occurrence_count = ?,
                       materialised_until = ?, client_id = ?, session_type = ?, location = ?, notes = ?,
                       color_hex = ?, skipped_starts = CAST(? AS timestamptz[]),
                       skipped_reasons = CAST(? AS text[]), updated_at = NOW()
                 WHERE id = ? AND trainer_id = ?""")
                .params(r.interval(), days(r), s.startDate(), s.startTime(), s.durationMinutes(), r.until(),
                        r.count(), ts(s.materialisedUntil()), t.clientId(), t.sessionType().value(), t.location(),
                        t.notes(), t.colorHex(), skippedStarts(s), skippedReasons(s), s.id(), s.trainerId())
                .update();
    }

    Optional<Series> find(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_series WHERE id = ? AND trainer_id = ?")
                .params(id, trainerId).query(SeriesRepository::map).optional();
    }

    /** Locks the series row for the rest of the transaction: changes to one series are serialised. */
    Optional<Series> lock(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_series WHERE id = ? AND trainer_id = ? FOR UPDATE")
                .params(id, trainerId).query(SeriesRepository::map).optional();
    }

    /** (trainer, series) pairs whose materialised horizon ends before {@code horizon}, at most {@code limit}. */
    List<UUID[]> due(Instant horizon, int limit) {
        return jdbc.sql("""
                SELECT trainer_id, id FROM booking_series
                 WHERE materialised_until < ?
                   AND (until_date IS NULL OR until_date >= (materialised_until AT TIME ZONE zone)::date)
                 ORDER BY materialised_until LIMIT ?""")
                .params(ts(horizon), limit)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** The series' anchor when {@code bookingId} is one of its sessions. */
    Optional<UUID> anchorOf(UUID trainerId, UUID bookingId) {
        return jdbc.sql("""
                SELECT s.anchor_booking_id FROM bookings b JOIN booking_series s ON s.id = b.series_id
                 WHERE b.id = ? AND b.trainer_id = ?""")
                .params(bookingId, trainerId).query(UUID.class).optional();
    }

    /** Forgets a client's free text in their series (POPIA erasure), as for their sessions. */
    void clearDetailsOfClient(UUID trainerId, UUID clientId) {
        jdbc.sql("UPDATE booking_series SET notes = NULL, location = NULL WHERE trainer_id = ? AND client_id = ?")
                .params(trainerId, clientId).update();
    }

    private static String days(Recurrence r) {
        return "{" + String.join(",", r.daysInOrder().stream().map(d -> String.valueOf(d.getValue())).toList()) + "}";
    }

    private static String skippedStarts(Series s) {
        return "{" + String.join(",", s.skipped().stream().map(c -> '"' + c.startsAt().toString() + '"').toList())
                + "}";
    }

    private static String[] reasons(Series s) {
        return s.skipped().stream().map(SeriesPlan.Clash::reason).toArray(String[]::new);
    }

    private static Object skippedReasons(Series s) {
        return reasons(s);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Series map(ResultSet rs, int row) throws SQLException {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object d : (Object[]) rs.getArray("days").getArray()) {
            days.add(DayOfWeek.of(((Number) d).intValue()));
        }
        Integer count = rs.getObject("occurrence_count", Integer.class);
        java.sql.Date until = rs.getDate("until_date");
        Recurrence recurrence = new Recurrence(rs.getInt("interval_weeks"), days,
                until == null ? null : until.toLocalDate(), count);
        BookingDetails template = new BookingDetails(rs.getObject("client_id", UUID.class), null, null,
                SessionType.fromValue(rs.getString("session_type")).orElse(SessionType.ONE_ON_ONE),
                rs.getString("location"), rs.getString("notes"), rs.getString("color_hex"));
        List<SeriesPlan.Clash> skipped = new ArrayList<>();
        Array starts = rs.getArray("skipped_starts");
        Array reasons = rs.getArray("skipped_reasons");
        Object[] s = (Object[]) starts.getArray();
        Object[] r = (Object[]) reasons.getArray();
        for (int i = 0; i < s.length; i++) {
            skipped.add(new SeriesPlan.Clash(((Timestamp) s[i]).toInstant(), i < r.length ? (String) r[i] : ""));
        }
        return new Series(rs.getObject("id", UUID.class), rs.getObject("trainer_id", UUID.class),
                rs.getObject("anchor_booking_id", UUID.class), recurrence, rs.getDate("start_date").toLocalDate(),
                rs.getTime("start_time").toLocalTime(), rs.getInt("duration_minutes"), ZoneId.of(rs.getString("zone")),
                template, rs.getTimestamp("materialised_until").toInstant(), List.copyOf(skipped));
    }
}

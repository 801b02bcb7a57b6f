package app.spotter.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The trainer's calendars and their busy intervals (times only). Every query is scoped to the trainer. */
@Repository
class BusyStore {

    private final JdbcClient jdbc;

    BusyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trainers with at least one busy calendar whose last read is older than {@code before} (or never done). */
    List<UUID> trainersDue(Instant before, int limit) {
        return jdbc.sql("SELECT DISTINCT trainer_id FROM busy_calendars WHERE busy AND NOT is_spotter_calendar "
                        + "AND (last_read IS NULL OR last_read < ?) LIMIT ?")
                .params(Timestamp.from(before), limit).query(UUID.class).list();
    }

    List<BusyCalendar> calendars(UUID trainerId) {
        return jdbc.sql("SELECT * FROM busy_calendars WHERE trainer_id = ? ORDER BY provider, is_spotter_calendar, "
                        + "lower(name), id")
                .param(trainerId).query(BusyStore::calendar).list();
    }

    Optional<BusyCalendar> calendar(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT * FROM busy_calendars WHERE trainer_id = ? AND id = ?")
                .params(trainerId, id).query(BusyStore::calendar).optional();
    }

    /**
     * Records a calendar the account lists; a known one keeps the trainer's busy choice. Spotter's own calendar is
     * never busy (its events are the sessions themselves).
     */
    void remember(UUID trainerId, String provider, String externalId, String name, boolean busyByDefault,
            boolean spotters) {
        jdbc.sql("""
                INSERT INTO busy_calendars (id, trainer_id, provider, external_id, name, busy, is_spotter_calendar)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (trainer_id, provider, external_id) DO UPDATE SET name = EXCLUDED.name,
                    is_spotter_calendar = EXCLUDED.is_spotter_calendar,
                    busy = busy_calendars.busy AND NOT EXCLUDED.is_spotter_calendar""")
                .params(UUID.randomUUID(), trainerId, provider, externalId, name, busyByDefault && !spotters, spotters)
                .update();
    }

    /** Forgets calendars the account no longer lists (deleted there, or the account disconnected). */
    void forgetOthers(UUID trainerId, String provider, Collection<String> keep) {
        jdbc.sql("DELETE FROM busy_calendars WHERE trainer_id = ? AND provider = ? "
                        + "AND NOT (external_id = ANY (?))")
                .params(trainerId, provider, keep.toArray(String[]::new)).update();
    }

    void forgetProvidersOtherThan(UUID trainerId, Collection<String> connected) {
        jdbc.sql("DELETE FROM busy_calendars WHERE trainer_id = ? AND NOT (provider = ANY (?))")
                .params(trainerId, connected.toArray(String[]::new)).update();
    }

    boolean setBusy(UUID trainerId, UUID id, boolean busy) {
        return jdbc.sql("UPDATE busy_calendars SET busy = ? WHERE trainer_id = ? AND id = ? "
                        + "AND (NOT is_spotter_calendar OR NOT ?)")
                .params(busy, trainerId, id, busy).update() == 1;
    }

    /** Replaces a calendar's intervals with a complete new read, in one transaction. */
    @Transactional
    void replace(UUID trainerId, UUID calendarId, List<BusyTime> intervals, String state, Instant readAt) {
        jdbc.sql("DELETE FROM busy_intervals WHERE trainer_id = ? AND calendar_id = ?")
                .params(trainerId, calendarId).update();
        jdbc.sql("UPDATE busy_calendars SET read_state = ?, last_read = ?, read_error = NULL "
                        + "WHERE trainer_id = ? AND id = ?")
                .params(state, Timestamp.from(readAt), trainerId, calendarId).update();
        for (BusyTime b : intervals) {
            jdbc.sql("INSERT INTO busy_intervals (calendar_id, trainer_id, starts_at, ends_at, all_day) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(calendarId, trainerId, Timestamp.from(b.startsAt()), Timestamp.from(b.endsAt()), b.allDay())
                    .update();
        }
    }

    /** The read found nothing changed: the intervals stay, and they are as fresh as this read. */
    void unchanged(UUID trainerId, UUID calendarId, Instant readAt) {
        jdbc.sql("UPDATE busy_calendars SET last_read = ?, read_error = NULL WHERE trainer_id = ? AND id = ?")
                .params(Timestamp.from(readAt), trainerId, calendarId).update();
    }

    /** The read failed: the old intervals stay (a failed read never empties a calendar), the status says why. */
    void failed(UUID trainerId, UUID calendarId, String message) {
        jdbc.sql("UPDATE busy_calendars SET read_error = ? WHERE trainer_id = ? AND id = ?")
                .params(message, trainerId, calendarId).update();
    }

    /** Intervals of the calendars marked busy overlapping [from, to); all-day ones only when they count. */
    List<BusyTime> busy(UUID trainerId, Instant from, Instant to, boolean withAllDay) {
        return jdbc.sql("""
                SELECT i.starts_at, i.ends_at, i.calendar_id, i.all_day
                  FROM busy_intervals i JOIN busy_calendars c ON c.id = i.calendar_id
                 WHERE i.trainer_id = ? AND c.trainer_id = ? AND c.busy AND NOT c.is_spotter_calendar
                   AND i.ends_at > ? AND i.starts_at < ? AND (? OR NOT i.all_day)
                 ORDER BY i.starts_at, i.ends_at""")
                .params(trainerId, trainerId, Timestamp.from(from), Timestamp.from(to), withAllDay)
                .query((rs, n) -> new BusyTime(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), rs.getBoolean(4)))
                .list();
    }

    /** Every stored interval of every calendar (the export). */
    List<BusyTime> all(UUID trainerId) {
        return jdbc.sql("SELECT starts_at, ends_at, calendar_id, all_day FROM busy_intervals WHERE trainer_id = ? "
                        + "ORDER BY starts_at, ends_at, calendar_id")
                .param(trainerId)
                .query((rs, n) -> new BusyTime(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), rs.getBoolean(4)))
                .list();
    }

    private static BusyCalendar calendar(ResultSet rs, int row) throws SQLException {
        Timestamp lastRead = rs.getTimestamp("last_read");
        return new BusyCalendar(rs.getObject("id", UUID.class), rs.getString("provider"),
                rs.getString("external_id"), rs.getString("name"), rs.getBoolean("busy"),
                rs.getBoolean("is_spotter_calendar"), rs.getString("read_state"),
                lastRead == null ? null : lastRead.toInstant(), rs.getString("read_error"));
    }
}

package app.spotter.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Working hours and time off; every query is scoped to the trainer. */
@Repository
class AvailabilityRepository {

    private static final TypeReference<Map<String, List<Map<String, String>>>> WEEKLY = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AvailabilityRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<WorkingHours> hours(UUID trainerId) {
        return jdbc.sql("SELECT weekly, buffer_minutes, min_notice_minutes, all_day_blocks, "
                        + "busy_shows_provider FROM availability_hours WHERE trainer_id = ?")
                .param(trainerId).query(this::mapHours).optional();
    }

    void saveHours(UUID trainerId, WorkingHours hours) {
        Map<String, List<Map<String, String>>> weekly = new LinkedHashMap<>();
        hours.weekly().forEach((day, ranges) -> weekly.put(Weekdays.code(day), ranges.stream()
                .map(r -> Map.of("from", r.from().toString(), "to", r.to().toString())).toList()));
        jdbc.sql("""
                INSERT INTO availability_hours (trainer_id, weekly, buffer_minutes, min_notice_minutes, all_day_blocks,
                    busy_shows_provider)
                VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?)
                ON CONFLICT (trainer_id) DO UPDATE SET weekly = EXCLUDED.weekly,
                    buffer_minutes = EXCLUDED.buffer_minutes, min_notice_minutes = EXCLUDED.min_notice_minutes,
                    all_day_blocks = EXCLUDED.all_day_blocks, busy_shows_provider = EXCLUDED.busy_shows_provider,
                    updated_at = NOW()""")
                .params(trainerId, json.writeValueAsString(weekly), hours.bufferMinutes(), hours.minNoticeMinutes(),
                        hours.allDayEventsBusy(), hours.busyShowsProvider())
                .update();
    }

    List<TimeOff> timeOff(UUID trainerId, Instant from, Instant to) {
        return jdbc.sql("SELECT id, starts_at, ends_at, label FROM time_off WHERE trainer_id = ? "
                        + "AND ends_at > ? AND starts_at < ? ORDER BY starts_at, id LIMIT 1000")
                .params(trainerId, Timestamp.from(from), Timestamp.from(to))
                .query(AvailabilityRepository::timeOff).list();
    }

    /**
     * Changes whenever anything slots are computed from here may have: the hours row (settings included), the
     * set of time off, and each calendar's busy choice and last read (a read replaces its intervals). One query
     * over the trainer's few rows of each; the intervals themselves are not read.
     */
    String fingerprint(UUID trainerId) {
        return jdbc.sql("""
                SELECT concat_ws('|',
                    (SELECT updated_at::text FROM availability_hours WHERE trainer_id = ?),
                    (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM time_off WHERE trainer_id = ?),
                    (SELECT md5(string_agg(concat_ws(' ', id, busy, is_spotter_calendar, last_read, read_state),
                                           ',' ORDER BY id))
                       FROM busy_calendars WHERE trainer_id = ?))""")
                .params(trainerId, trainerId, trainerId).query(String.class).single();
    }

    /** All of it, past included (the export). */
    List<TimeOff> allTimeOff(UUID trainerId) {
        return jdbc.sql("SELECT id, starts_at, ends_at, label FROM time_off WHERE trainer_id = ? ORDER BY starts_at, id")
                .param(trainerId).query(AvailabilityRepository::timeOff).list();
    }

    void addTimeOff(UUID trainerId, TimeOff off) {
        jdbc.sql("INSERT INTO time_off (id, trainer_id, starts_at, ends_at, label) VALUES (?, ?, ?, ?, ?)")
                .params(off.id(), trainerId, Timestamp.from(off.startsAt()), Timestamp.from(off.endsAt()), off.label())
                .update();
    }

    Optional<TimeOff> findTimeOff(UUID trainerId, UUID id) {
        return jdbc.sql("SELECT id, starts_at, ends_at, label FROM time_off WHERE trainer_id = ? AND id = ?")
                .params(trainerId, id).query(AvailabilityRepository::timeOff).optional();
    }

    boolean deleteTimeOff(UUID trainerId, UUID id) {
        return jdbc.sql("DELETE FROM time_off WHERE trainer_id = ? AND id = ?").params(trainerId, id).update() == 1;
    }

    private WorkingHours mapHours(ResultSet rs, int row) throws SQLException {
        Map<DayOfWeek, List<WorkingHours.Range>> weekly = new EnumMap<>(DayOfWeek.class);
        json.readValue(rs.getString("weekly"), WEEKLY).forEach((code, ranges) -> {
            List<WorkingHours.Range> list = new ArrayList<>();
            ranges.forEach(r -> list.add(new WorkingHours.Range(LocalTime.parse(r.get("from")),
                    LocalTime.parse(r.get("to")))));
            weekly.put(Weekdays.day(code).orElseThrow(), list);
        });
        return new WorkingHours(weekly, rs.getInt("buffer_minutes"), rs.getInt("min_notice_minutes"),
                rs.getBoolean("all_day_blocks"), rs.getBoolean("busy_shows_provider"));
    }

    private static TimeOff timeOff(ResultSet rs, int row) throws SQLException {
        return new TimeOff(rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("label"));
    }
}

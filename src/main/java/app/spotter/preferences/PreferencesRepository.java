package app.spotter.preferences;

import app.spotter.booking.SessionType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
class PreferencesRepository {

    private static final TypeReference<Map<String, String>> COLORS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PreferencesRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The seed's column defaults apply; only the display zone starts from the trainer's own zone. */
    void createDefaults(UUID trainerId, ZoneId zone) {
        jdbc.sql("INSERT INTO calendar_sync_preferences (trainer_id, timezone_display) VALUES (?, ?) "
                        + "ON CONFLICT (trainer_id) DO NOTHING")
                .params(trainerId, zone.getId()).update();
    }

    Optional<SyncPreferences> find(UUID trainerId) {
        return jdbc.sql("SELECT * FROM calendar_sync_preferences WHERE trainer_id = ?")
                .param(trainerId).query(this::map).optional();
    }

    void save(SyncPreferences p) {
        Map<String, String> colors = new LinkedHashMap<>();
        p.sessionColors().forEach((type, hex) -> colors.put(type.value(), hex));
        jdbc.sql("""
                UPDATE calendar_sync_preferences
                   SET google_calendar_enabled = ?, apple_calendar_enabled = ?, email_calendar_enabled = ?,
                       sync_frequency = ?, calendar_view_default = ?, show_client_names = ?,
                       session_colors = CAST(? AS jsonb), timezone_display = ?, updated_at = NOW()
                 WHERE trainer_id = ?""")
                .params(p.googleCalendarEnabled(), p.appleCalendarEnabled(), p.emailCalendarEnabled(),
                        p.syncFrequency().value(), p.calendarViewDefault().value(), p.showClientNames(),
                        json.writeValueAsString(colors), p.timezoneDisplay().getId(), p.trainerId())
                .update();
    }

    private SyncPreferences map(ResultSet rs, int row) throws SQLException {
        Map<SessionType, String> colors = new EnumMap<>(SessionType.class);
        String raw = rs.getString("session_colors");
        if (raw != null) {
            json.readValue(raw, COLORS).forEach((type, hex) ->
                    SessionType.fromValue(type).ifPresent(t -> colors.put(t, hex)));
        }
        return new SyncPreferences(rs.getObject("trainer_id", UUID.class),
                rs.getBoolean("google_calendar_enabled"), rs.getBoolean("apple_calendar_enabled"),
                rs.getBoolean("email_calendar_enabled"),
                SyncFrequency.fromValue(rs.getString("sync_frequency")).orElse(SyncFrequency.REALTIME),
                CalendarView.fromValue(rs.getString("calendar_view_default")).orElse(CalendarView.MONTH),
                rs.getBoolean("show_client_names"), colors,
                ZoneId.of(rs.getString("timezone_display")));
    }
}

package app.spotter.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.SpotterIT;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the live schema and checks every table, column, default and index of the seed migration. */
class SeedSchemaIT extends SpotterIT {

    @Autowired
    JdbcClient jdbc;

    private Map<String, String> columns(String table) {
        return jdbc.sql("""
                SELECT column_name, data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' default ' || coalesce(column_default, 'none')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?""")
                .param(table)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void calendarSyncPreferencesHasTheSeedsColumnsAndDefaults() {
        assertThat(columns("calendar_sync_preferences")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("trainer_id", "uuid default none"),
                Map.entry("google_calendar_enabled", "boolean default false"),
                Map.entry("apple_calendar_enabled", "boolean default false"),
                Map.entry("email_calendar_enabled", "boolean default false"),
                Map.entry("sync_frequency", "character varying(20) default 'realtime'::character varying"),
                Map.entry("calendar_view_default", "character varying(20) default 'month'::character varying"),
                Map.entry("show_client_names", "boolean default true"),
                Map.entry("session_colors", "jsonb default '{}'::jsonb"),
                Map.entry("timezone_display",
                        "character varying(100) default 'Africa/Johannesburg'::character varying"),
                Map.entry("created_at", "timestamp with time zone default now()"),
                Map.entry("updated_at", "timestamp with time zone default now()")));
    }

    @Test
    void calendarSyncStatusHasTheSeedsColumnsAndItsUniqueKey() {
        assertThat(columns("calendar_sync_status")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("id", "uuid default uuid_generate_v4()"),
                Map.entry("trainer_id", "uuid default none"),
                Map.entry("provider", "character varying(50) default none"),
                Map.entry("last_sync", "timestamp with time zone default none"),
                Map.entry("sync_status", "character varying(20) default none"),
                Map.entry("events_synced", "integer default 0"),
                Map.entry("error_message", "text default none")));
        assertThat(uniqueKeys("calendar_sync_status")).contains("trainer_id,provider");
    }

    @Test
    void calendarEventsHasTheSeedsColumnsAndItsUniqueKey() {
        assertThat(columns("calendar_events")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("id", "uuid default uuid_generate_v4()"),
                Map.entry("booking_id", "uuid default none"),
                Map.entry("external_event_id", "character varying(255) default none"),
                Map.entry("provider", "character varying(50) default none")));
        assertThat(uniqueKeys("calendar_events")).contains("booking_id,provider");
    }

    @Test
    void bookingsCarryTheSeedsCalendarColumns() {
        assertThat(columns("bookings")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("google_event_id", "character varying(255) default none"),
                Map.entry("apple_event_id", "character varying(255) default none"),
                Map.entry("session_type", "character varying(50) default 'one_on_one'::character varying"),
                Map.entry("color_hex", "character varying(7) default none")));
    }

    @Test
    void theSeedsIndexesExist() {
        List<String> indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
                .query(String.class).list();
        assertThat(indexes).contains("idx_calendar_sync_status_trainer", "idx_calendar_events_booking",
                "idx_bookings_session_type");
    }

    @Test
    void everyRowThatBelongsToATrainerCarriesTrainerId() {
        for (String table : List.of("clients", "bookings", "calendar_sync_preferences", "calendar_sync_status",
                "calendar_events", "sync_connections", "feed_tokens", "api_tokens")) {
            assertThat(columns(table)).as(table).containsKey("trainer_id");
        }
    }

    private List<String> uniqueKeys(String table) {
        return jdbc.sql("""
                SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_constraint c
                CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                WHERE c.conrelid = CAST(? AS regclass) AND c.contype = 'u'
                GROUP BY c.oid""").param(table).query(String.class).list();
    }
}

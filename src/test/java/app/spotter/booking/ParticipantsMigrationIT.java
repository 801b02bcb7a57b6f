package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bookings made before groups existed (one client_id per booking) keep their client as their one participant, and
 * nothing else about them changes. The database is filled with the schema as it was just before issue 16's
 * migrations, then migrated on.
 */
class ParticipantsMigrationIT {

    /** The first version of this issue's range (V90..V99): the database is filled just below it. */
    private static final int FIRST_OF_ISSUE = 90;

    /** The highest migration below this issue's range, whoever wrote it. */
    private static String before(javax.sql.DataSource dataSource) {
        return java.util.Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .load().info().all())
                .map(m -> m.getVersion())
                .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(
                        Integer.toString(FIRST_OF_ISSUE))) < 0)
                .max(Comparable::compareTo).orElseThrow().getVersion();
    }

    @Test
    void existingBookingsMigrateToOneParticipantEachWithoutLoss() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(before(dataSource)).load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);

            UUID trainer = jdbc.sql("INSERT INTO trainers (name, email, password_hash) VALUES ('T', 't@x.test', 'h') "
                    + "RETURNING id").query(UUID.class).single();
            UUID ann = client(jdbc, trainer, "Ann");
            UUID ben = client(jdbc, trainer, "Ben");
            Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            UUID scheduled = booking(jdbc, trainer, ann, start, "scheduled", "group");
            UUID cancelled = booking(jdbc, trainer, ben, start, "cancelled", "one_on_one");
            UUID deleted = booking(jdbc, trainer, ann, start.plus(2, ChronoUnit.HOURS), "deleted", "assessment");
            jdbc.sql("""
                    INSERT INTO email_invitation_copies (booking_id, trainer_id, recipient, client_id, address,
                                                         fingerprint, sequence)
                    VALUES (?, ?, 'client', ?, 'ann@x.test', repeat('a', 64), 0),
                           (?, ?, 'trainer', NULL, 'cal@x.test', repeat('b', 64), 0)""")
                    .params(scheduled, trainer, ann, scheduled, trainer).update();
            List<Map<String, Object>> bookingsBefore = jdbc.sql("SELECT * FROM bookings ORDER BY id").query().listOfRows();

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            assertThat(jdbc.sql("SELECT booking_id, client_id, position FROM booking_participants "
                            + "ORDER BY booking_id").query().listOfRows())
                    .containsExactlyInAnyOrder(
                            Map.of("booking_id", scheduled, "client_id", ann, "position", 0),
                            Map.of("booking_id", cancelled, "client_id", ben, "position", 0),
                            Map.of("booking_id", deleted, "client_id", ann, "position", 0));
            assertThat(jdbc.sql("SELECT count(*) FROM booking_participants WHERE attendance IS NOT NULL")
                    .query(Integer.class).single()).as("nobody is marked by the migration").isZero();
            // every column the bookings had is unchanged; the new ones say "as before": type's capacity, not late
            List<Map<String, Object>> bookingsAfter = jdbc.sql("SELECT * FROM bookings ORDER BY id").query()
                    .listOfRows();
            assertThat(bookingsAfter).hasSameSizeAs(bookingsBefore);
            for (int i = 0; i < bookingsBefore.size(); i++) {
                Map<String, Object> after = bookingsAfter.get(i);
                assertThat(after).containsAllEntriesOf(bookingsBefore.get(i));
                assertThat(after.get("capacity")).isNull();
                assertThat(after.get("late_cancel")).isEqualTo(false);
                assertThat(after.get("cancel_reason")).isNull();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM email_invitation_copies").query(Integer.class).single())
                    .isEqualTo(2);
            // a second client of the same booking now has a copy of their own
            jdbc.sql("""
                    INSERT INTO email_invitation_copies (booking_id, trainer_id, recipient, client_id, address,
                                                         fingerprint, sequence)
                    VALUES (?, ?, 'client', ?, 'ben@x.test', repeat('c', 64), 1)""")
                    .params(scheduled, trainer, ben).update();
            assertThat(jdbc.sql("SELECT count(*) FROM email_invitation_copies WHERE booking_id = ?").param(scheduled)
                    .query(Integer.class).single()).isEqualTo(3);
        }
    }

    private static UUID client(JdbcClient jdbc, UUID trainer, String name) {
        return jdbc.sql("INSERT INTO clients (trainer_id, first_name, last_name) VALUES (?, ?, 'Test') RETURNING id")
                .params(trainer, name).query(UUID.class).single();
    }

    private static UUID booking(JdbcClient jdbc, UUID trainer, UUID client, Instant start, String status,
            String type) {
        return jdbc.sql("""
                INSERT INTO bookings (trainer_id, client_id, starts_at, ends_at, status, session_type, location,
                                      notes, sequence)
                VALUES (?, ?, ?, ?, ?, ?, 'Gym', 'private', 2) RETURNING id""")
                .params(trainer, client, Timestamp.from(start), Timestamp.from(start.plus(1, ChronoUnit.HOURS)),
                        status, type)
                .query(UUID.class).single();
    }
}

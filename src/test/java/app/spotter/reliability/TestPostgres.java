package app.spotter.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL the test owns (zonky's binaries, in the test JVM), so that Spotter processes can be killed and
 * restarted against the same data, and the test can read the tables directly.
 */
final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    final JdbcClient jdbc;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    static TestPostgres start() {
        try {
            return new TestPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    /** Events Spotter confirmed written to the Apple calendar (reserved, unconfirmed creates excluded). */
    int appleEventsConfirmed() {
        return count("SELECT count(*) FROM calendar_events WHERE provider = 'apple' AND content_hash IS NOT NULL");
    }

    /** Bookings still waiting for reconciliation, and reconcile tasks still in db-scheduler's table. */
    int workLeft() {
        return count("SELECT count(*) FROM sync_pending")
                + count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'reconcile-booking'");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

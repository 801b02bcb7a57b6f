package app.spotter.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL the test owns (zonky's binaries, in the test JVM), so that Spotter processes can be killed and
 * restarted against the same data, and the test can read the tables directly. Or ({@link #ofDataDir}) the
 * embedded PostgreSQL of a Spotter process, read the way an operator on the same account could.
 */
final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    final JdbcClient jdbc;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataDir = null;
        this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    private TestPostgres(Path dataDir) {
        this.postgres = null;
        this.dataDir = dataDir;
        this.jdbc = JdbcClient.create(new SpotterDataSource(dataDir));
    }

    /**
     * The embedded database of the Spotter whose {@code SPOTTER_DATA_DIR} this is: its port from
     * {@code postmaster.pid} (it changes at each start) and its generated password. Closing it stops a server that a
     * killed Spotter left running, so that a failed test leaves no PostgreSQL behind.
     */
    static TestPostgres ofDataDir(Path dataDir) {
        return new TestPostgres(dataDir);
    }

    /** The pid of the PostgreSQL serving the data dir now, from its {@code postmaster.pid}. */
    long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SpotterDataSource extends PGSimpleDataSource {
        private final Path dataDir;

        SpotterDataSource(Path dataDir) {
            this.dataDir = dataDir;
            setServerNames(new String[] {"127.0.0.1"});
            setDatabaseName("postgres");
            setUser("postgres");
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                setPortNumbers(new int[] {Integer.parseInt(
                        Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim())});
                setPassword(Files.readString(dataDir.resolve("postgres.password")).strip());
            } catch (IOException e) {
                throw new SQLException("embedded PostgreSQL not running: " + e, e);
            }
            return super.getConnection();
        }
    }

    static TestPostgres start() {
        try {
            return new TestPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopLeftOver() {
        try {
            if (Files.exists(dataDir.resolve("postgres/postmaster.pid"))) {
                new ProcessBuilder("kill", "-INT", Long.toString(serverPid())).start().waitFor();
            }
        } catch (IOException | RuntimeException e) {
            // nothing left to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        if (postgres == null) {
            stopLeftOver();
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

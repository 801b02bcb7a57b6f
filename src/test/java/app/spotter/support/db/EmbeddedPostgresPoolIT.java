package app.spotter.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.SpotterIT;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded PostgreSQL is used through a connection pool: an unpooled DataSource forks a PostgreSQL backend
 * for every query, which made each booking and each sync step pay a process start (found by scripts/bench).
 */
class EmbeddedPostgresPoolIT extends SpotterIT {

    @Autowired
    DataSource dataSource;

    @Test
    void consecutiveConnectionsReuseOneBackend() throws SQLException {
        assertThat(backendPid()).isEqualTo(backendPid());
    }

    @Test
    void theApplicationsDatabaseRunsWithFsyncAndSynchronousCommitOn() throws SQLException {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
    }

    private String show(String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private int backendPid() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

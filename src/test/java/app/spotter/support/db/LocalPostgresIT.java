package app.spotter.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spotter's own PostgreSQL, started and stopped the way the application does, without Spring. */
class LocalPostgresIT {

    static Path binaries;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void binaries(@TempDir Path shared) throws IOException {
        // a parent others may enter, so that only the unpack folder's own mode keeps them out
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        binaries = shared.resolve("binaries");
    }

    private LocalPostgres.Settings settings(int port) throws IOException {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new LocalPostgres.Settings(dataDir.resolve("postgres"), dataDir.resolve("postgres.password"),
                binaries, port, Duration.ofSeconds(60), false);
    }

    @Test
    void everyCommitIsDurable() throws Exception {
        try (LocalPostgres server = LocalPostgres.start(settings(0))) {
            assertThat(show(server.dataSource(), "fsync")).isEqualTo("on");
            assertThat(show(server.dataSource(), "synchronous_commit")).isEqualTo("on");
            assertThat(show(server.dataSource(), "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void onlyThePasswordOpensTheServerAndItsLogIsInTheDataDirectory() throws Exception {
        try (LocalPostgres server = LocalPostgres.start(settings(0))) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(show(server.dataSource(), "unix_socket_directories")).as("no socket").isEmpty();
            assertThat(rows(server.dataSource(), "SELECT auth_method FROM pg_hba_file_rules"))
                    .containsOnly("scram-sha-256");
            assertThat(show(server.dataSource(), "password_encryption")).isEqualTo("scram-sha-256");
            assertThat(rows(server.dataSource(), "SELECT left(rolpassword, 14) FROM pg_authid "
                    + "WHERE rolname = 'postgres'")).containsExactly("SCRAM-SHA-256$");
            var wrong = (org.postgresql.ds.PGSimpleDataSource) server.dataSource();
            wrong.setPassword("guess");
            assertThatThrownBy(wrong::getConnection).hasMessageContaining("password authentication failed");
            try (var logs = Files.list(dataDir.resolve("postgres/log"))) {
                assertThat(logs.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("postgresql-\\w+\\.log"));
            }
        }
    }

    @Test
    void aServerLeftRunningByAKilledSpotterIsStoppedCleanlyAndTheNextStartSucceeds() throws Exception {
        LocalPostgres first = LocalPostgres.start(settings(0));
        long orphan = PostmasterPid.read(first.cluster()).orElseThrow().pid();
        insert(first.dataSource(), "before the crash");
        // what the next start does when it finds a server nobody owns (here: its owner is still alive)
        LocalPostgres.stopOrphan(first.cluster(), Duration.ofSeconds(60));
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("orphan stopped").isEmpty();
        first.close();
        try (LocalPostgres second = LocalPostgres.start(settings(0))) {
            assertThat(rows(second.dataSource(), "SELECT note FROM survived")).containsExactly("before the crash");
            assertThat(Files.readString(second.cluster().resolve("log").resolve(latestLog(second))))
                    .as("a clean shutdown, so no crash recovery").doesNotContain("not properly shut down");
        }
    }

    @Test
    void aStalePidFileOfADeadServerOrOfAReusedPidIsNoObstacle() throws Exception {
        LocalPostgres.start(settings(0)).close();
        Path pidFile = dataDir.resolve("postgres").resolve(PostmasterPid.FILE);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(pidFile, dead.pid() + "\n" + dataDir.resolve("postgres") + "\n1\n5432\n\n127.0.0.1\n");
        LocalPostgres.start(settings(0)).close();
        // a pid now used by another program (this JVM)
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres")
                + "\n1\n5432\n\n127.0.0.1\n");
        try (LocalPostgres server = LocalPostgres.start(settings(0))) {
            assertThat(show(server.dataSource(), "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aTakenPortIsNamedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPostgres.start(settings(taken.getLocalPort())))
                    .isInstanceOf(StartFailure.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " on 127.0.0.1 is taken")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aSecondSpotterOnTheSameDataIsToldWhoHoldsIt() throws IOException {
        try (LocalPostgres first = LocalPostgres.start(settings(0))) {
            assertThatThrownBy(() -> LocalPostgres.start(settings(0))).isInstanceOf(StartFailure.class)
                    .hasMessageStartingWith("another Spotter process (pid " + ProcessHandle.current().pid()
                            + ") is using").hasMessageNotContaining("\n");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void aClusterFromBeforePasswordsGetsOneAndLosesItsTrustLines() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        // what Spotter 0.1 left behind: zonky's initdb -A trust
        EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).start().close();
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");
        try (LocalPostgres server = LocalPostgres.start(settings(0))) {
            assertThat(rows(server.dataSource(), "SELECT auth_method FROM pg_hba_file_rules"))
                    .containsOnly("scram-sha-256");
            assertThat(Files.readString(dataDir.resolve("postgres.password")).strip()).isEqualTo(server.password());
        }
    }

    @Test
    void anotherOsUserCannotConnectNorTouchTheProgramsNorReadThePassword() throws Exception {
        assumeThat(OsUser.uid()).as("switching to another OS user needs root").isZero();
        try (LocalPostgres server = LocalPostgres.start(settings(0))) {
            Result psql = asNobody("psql", "-w", "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-U",
                    "postgres", "-d", "postgres", "-c", "SELECT pg_read_file('pg_hba.conf')");
            assertThat(psql.exit()).as(psql.output()).isNotZero();
            assertThat(psql.output()).containsAnyOf("password", "authentication");
            Result plant = asNobody("touch", binaries.resolve("planted").toString());
            assertThat(plant.exit()).as("the unpack folder is not writable: " + plant.output()).isNotZero();
            assertThat(Files.exists(binaries.resolve("planted"))).isFalse();
            Result replace = asNobody("cp", "/bin/true", server.binaries().resolve("postgres").toString());
            assertThat(replace.exit()).as(replace.output()).isNotZero();
            Result read = asNobody("cat", dataDir.resolve("postgres.password").toString());
            assertThat(read.exit()).isNotZero();
            assertThat(read.output()).doesNotContain(server.password());
            assertThat(Files.getPosixFilePermissions(binaries))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    record Result(int exit, String output) {}

    private static Result asNobody(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String latestLog(LocalPostgres server) throws IOException {
        try (var logs = Files.list(server.cluster().resolve("log"))) {
            return logs.filter(p -> p.getFileName().toString().startsWith("postgresql-"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow()
                    .getFileName().toString();
        }
    }

    private static void insert(DataSource ds, String note) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE survived (note text)");
            try (var ps = c.prepareStatement("INSERT INTO survived VALUES (?)")) {
                ps.setString(1, note);
                ps.executeUpdate();
            }
        }
    }

    private static String show(DataSource ds, String setting) throws SQLException {
        return rows(ds, "SHOW " + setting).getFirst();
    }

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

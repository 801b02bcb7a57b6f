package app.spotter.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spotter's own PostgreSQL server: one cluster in the data directory, run with the binaries zonky ships, but
 * configured for production rather than tests.
 * <ul>
 *   <li>Durable: {@code fsync=on}, {@code synchronous_commit=on} (zonky starts with {@code -F} and
 *       {@code synchronous_commit=off}).</li>
 *   <li>Private: SCRAM password over loopback TCP only, a generated password in an owner-only file, no
 *       {@code trust} line and no Unix socket; binaries in an owner-only folder ({@link PostgresBinaries}).</li>
 *   <li>Crash-safe start: a server left running by a Spotter that was killed (kill -9, the OOM killer) is found
 *       through {@code postmaster.pid} and shut down cleanly before a new one starts; a stale file is handled.</li>
 *   <li>Its own log under {@code <cluster>/log}, one file per weekday, and a one-line reason when it cannot start
 *       ({@link StartFailure}).</li>
 * </ul>
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    /**
     * @param cluster PostgreSQL's data directory
     * @param passwordFile where the generated password is kept (0600)
     * @param binariesRoot owner-only folder the programs are unpacked into
     * @param port loopback port, 0 for any free one
     * @param startTimeout how long to wait for the server to accept connections
     * @param throwAway delete the cluster's parent folder after the server stopped (tests)
     */
    record Settings(Path cluster, Path passwordFile, Path binariesRoot, int port, Duration startTimeout,
            boolean throwAway) {}

    private final Settings settings;
    private final Path home;
    private final String password;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile long pid;

    private LocalPostgres(Settings settings, Path home, String password, int port, FileChannel lockChannel,
            FileLock lock) {
        this.settings = settings;
        this.home = home;
        this.password = password;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static LocalPostgres start(Settings settings) {
        Path cluster = settings.cluster().toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(cluster.getParent());
            channel = FileChannel.open(cluster.resolveSibling(cluster.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = lockOrExplain(channel, cluster);
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                    Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            freeSpaceOrExplain(cluster.getParent());
            Path home = PostgresBinaries.unpack(settings.binariesRoot());
            stopOrphan(cluster, settings.startTimeout());
            boolean newPassword = !Files.exists(settings.passwordFile());
            String password = newPassword ? createPassword(settings.passwordFile())
                    : Files.readString(settings.passwordFile()).strip();
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initdb(home, cluster, settings.passwordFile());
            } else if (newPassword) {
                setPassword(home, cluster, password); // a cluster from before passwords (trust)
            }
            writeHba(cluster);
            int port = settings.port() == 0 ? freePort() : portOrExplain(settings.port());
            LocalPostgres server = new LocalPostgres(settings, home, password, port, channel, lock);
            server.run(cluster);
            return server;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartFailure(e.getMessage().contains("No space left") ? "the disk holding " + cluster
                    + " is full" : "could not prepare " + cluster + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser(USER);
        ds.setPassword(password);
        return ds;
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    Path binaries() {
        return home.resolve("bin");
    }

    Path cluster() {
        return settings.cluster().toAbsolutePath();
    }

    /** Fast shutdown (SIGINT): open transactions roll back, then a checkpoint; the next start needs no recovery. */
    @Override
    public void close() {
        try {
            if (pid > 0) {
                stop(pid, settings.startTimeout());
            }
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel's close below releases it too
            }
            closeQuietly(lockChannel);
            if (settings.throwAway()) {
                deleteTree(cluster().getParent());
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temp folder
        }
    }

    private void run(Path cluster) throws IOException {
        Path logDir = cluster.resolve("log");
        PostgresBinaries.ownerOnlyFolder(logDir);
        Path startupLog = logDir.resolve("startup.log");
        Files.deleteIfExists(startupLog);
        List<String> command = new ArrayList<>(List.of("setsid")); // no terminal signals: Spotter stops it itself
        command.addAll(OsUser.asServerUser());
        command.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", cluster.toString(),
                "-c", "port=" + port,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "password_encryption=scram-sha-256",
                "-c", "timezone=UTC",
                "-c", "logging_collector=on",
                "-c", "log_directory=log",
                "-c", "log_filename=postgresql-%a.log",
                "-c", "log_truncate_on_rotation=on",
                "-c", "log_rotation_age=1d",
                "-c", "log_rotation_size=0",
                "-c", "log_file_mode=0600"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(startupLog.toFile()).start();
        pid = process.pid();
        long started = System.nanoTime();
        long deadline = started + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                pid = 0;
                throw new StartFailure(StartFailure.explain(Files.readAllLines(startupLog), port, cluster.toString()));
            }
            if (PostmasterPid.read(cluster).filter(PostmasterPid::ready).isPresent() && accepts()) {
                log.info("Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms (data {}, log {})", port,
                        (System.nanoTime() - started) / 1_000_000, cluster, logDir);
                return;
            }
            sleep(100);
        }
        stop(pid, Duration.ofSeconds(30));
        pid = 0;
        throw new StartFailure("PostgreSQL did not accept connections within " + settings.startTimeout().toSeconds()
                + " s (raise SPOTTER_EMBEDDED_POSTGRES_START_TIMEOUT; its log is in " + logDir + ")");
    }

    private boolean accepts() {
        PGSimpleDataSource ds = (PGSimpleDataSource) dataSource();
        ds.setConnectTimeout(2);
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static FileLock lockOrExplain(FileChannel channel, Path cluster) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(cluster.resolveSibling(cluster.getFileName() + ".lock")),
                    StandardCharsets.US_ASCII).strip();
            throw new StartFailure("another Spotter process" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " is using " + cluster + "; stop it first or give this one its own SPOTTER_DATA_DIR");
        }
        return lock;
    }

    private static void freeSpaceOrExplain(Path folder) throws IOException {
        long free = Files.getFileStore(folder).getUsableSpace();
        if (free < MIN_FREE_BYTES) {
            throw new StartFailure("the disk holding " + folder + " is full (" + free / (1024 * 1024)
                    + " MB free; PostgreSQL needs at least " + MIN_FREE_BYTES / (1024 * 1024) + " MB)");
        }
    }

    /**
     * A server still running on this cluster when no Spotter holds the lock was left behind by one that died
     * without stopping it. It is shut down cleanly (its last transactions are durable) rather than reused: the new
     * start then applies this version's settings. A pid now used by some other program means a stale file.
     */
    static void stopOrphan(Path cluster, Duration timeout) throws IOException {
        Optional<PostmasterPid> recorded = PostmasterPid.read(cluster);
        if (recorded.isEmpty()) {
            return;
        }
        long orphan = recorded.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(orphan).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Stale {} of a PostgreSQL that is no longer running (pid {}); it starts afresh",
                    PostmasterPid.FILE, orphan);
            return; // PostgreSQL itself removes a pid file whose process is gone
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new StartFailure("process " + orphan + ", which this OS user cannot inspect, holds " + cluster
                    + " (" + PostmasterPid.FILE + "); stop it or remove the file if it is not PostgreSQL");
        }
        if (!command.get().endsWith("/postgres")) {
            log.warn("Stale {}: pid {} is now {}, not PostgreSQL; removing the file", PostmasterPid.FILE, orphan,
                    command.get());
            Files.deleteIfExists(cluster.resolve(PostmasterPid.FILE));
            return;
        }
        log.warn("PostgreSQL (pid {}) left running on {} by a Spotter that stopped without shutting it down: "
                + "stopping it cleanly before starting", orphan, cluster);
        stop(orphan, timeout);
    }

    private static void stop(long pid, Duration timeout) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        signal(pid, "-INT");
        try {
            process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            signal(pid, "-QUIT"); // immediate shutdown: the next start replays the WAL, nothing committed is lost
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StartFailure("PostgreSQL (pid " + pid + ") did not stop", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String createPassword(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // URL-safe Base64: no quote, backslash or whitespace, so it is safe in a SQL literal and in a pgpass line
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, password);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static void initdb(Path home, Path cluster, Path passwordFile) throws IOException {
        Files.createDirectories(cluster, PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_ONLY));
        List<String> command = new ArrayList<>(OsUser.asServerUser());
        command.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", cluster.toString(), "-U", USER,
                "-E", "UTF-8", "--auth=scram-sha-256", "--pwfile=" + passwordFile.toAbsolutePath(),
                "--no-instructions"));
        runToEnd(command, null, cluster.resolveSibling(cluster.getFileName() + "-initdb.log"));
    }

    /** Single-user mode sets the password of a cluster created by an older Spotter, before any client can connect. */
    private static void setPassword(Path home, Path cluster, String password) throws IOException {
        List<String> command = new ArrayList<>(OsUser.asServerUser());
        command.addAll(List.of(home.resolve("bin/postgres").toString(), "--single", "-D", cluster.toString(),
                "-c", "exit_on_error=true", "postgres"));
        runToEnd(command, "ALTER ROLE postgres PASSWORD '" + password + "';\n",
                cluster.resolveSibling(cluster.getFileName() + "-password.log"));
        log.info("Embedded PostgreSQL: set a generated password on a cluster that had none");
    }

    private static void runToEnd(List<String> command, String input, Path output) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            process.getOutputStream().close();
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(output);
                throw new StartFailure(command.get(command.size() > 2 && command.get(0).equals("unshare") ? 2 : 0)
                        .replaceAll(".*/", "") + " failed: " + StartFailure.explain(lines, 0, output.getParent()
                        .toString()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while preparing PostgreSQL");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Only the server's own superuser, only with the password, only over loopback TCP (there is no socket).
     * Written at every start, so an older cluster's {@code trust} lines are gone too.
     */
    private static void writeHba(Path cluster) throws IOException {
        Files.writeString(cluster.resolve("pg_hba.conf"), """
                # Written by Spotter at every start (edits here are replaced).
                # TYPE  DATABASE  USER      ADDRESS       METHOD
                host    all       postgres  127.0.0.1/32  scram-sha-256
                """);
        Files.setPosixFilePermissions(cluster.resolve("pg_hba.conf"), PosixFilePermissions.fromString("rw-------"));
    }

    private static int portOrExplain(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException taken) {
            throw new StartFailure("port " + port + " on 127.0.0.1 is taken by another program (set "
                    + "SPOTTER_EMBEDDED_POSTGRES_PORT to a free port, or 0 for any)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while waiting for PostgreSQL");
        }
    }
}

package app.spotter.support.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code scripts/backup FILE} and {@code scripts/restore FILE}: a backup of the database now, or a restore into an
 * empty one, without starting Spotter. The database is the one Spotter would use: {@code SPRING_DATASOURCE_URL}
 * (+ {@code _USERNAME}, {@code _PASSWORD}), else the embedded one in {@code SPOTTER_DATA_DIR}. A running Spotter's
 * embedded server is used as it runs (a backup needs no downtime); otherwise it is started for the job.
 */
public final class BackupTool {

    private BackupTool() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: BackupTool backup|restore FILE");
            System.exit(2);
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        try {
            String summary = args[0].equals("backup") ? backup(file) : restore(file);
            System.out.println(summary);
        } catch (StartFailure | IllegalStateException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String backup(Path file) throws Exception {
        try (Target target = Target.resolve()) {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Properties manifest;
            try (Connection c = target.dataSource().getConnection();
                    OutputStream out = Files.newOutputStream(partial)) {
                manifest = LogicalDump.dump(c, out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "Backed up " + summary(manifest) + " into " + file;
        }
    }

    private static String restore(Path file) throws Exception {
        try (Target target = Target.resolve(); Connection c = target.dataSource().getConnection();
                InputStream in = Files.newInputStream(file)) {
            Properties manifest = LogicalDump.restore(c, in, version -> Flyway.configure()
                    .dataSource(target.dataSource()).locations("classpath:db/migration").target(version).load()
                    .migrate());
            return "Restored " + summary(manifest) + " from " + file + " (taken " + manifest.getProperty("created")
                    + ")";
        }
    }

    private static String summary(Properties manifest) {
        long rows = manifest.stringPropertyNames().stream().filter(k -> k.startsWith("rows."))
                .mapToLong(k -> Long.parseLong(manifest.getProperty(k))).sum();
        return rows + " rows in " + manifest.getProperty("tables").split(",").length + " tables (schema version "
                + manifest.getProperty("flyway.version") + ")";
    }

    /** The database to work on, and the embedded server started for the job, if one was. */
    private record Target(PGSimpleDataSource dataSource, Optional<LocalPostgres> started) implements AutoCloseable {

        static Target resolve() {
            String url = System.getenv("SPRING_DATASOURCE_URL");
            if (url != null && !url.isBlank()) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url);
                Optional.ofNullable(System.getenv("SPRING_DATASOURCE_USERNAME")).ifPresent(ds::setUser);
                Optional.ofNullable(System.getenv("SPRING_DATASOURCE_PASSWORD")).ifPresent(ds::setPassword);
                return new Target(ds, Optional.empty());
            }
            Path dataDir = Path.of(Optional.ofNullable(System.getenv("SPOTTER_DATA_DIR")).orElse("./data"))
                    .toAbsolutePath();
            Path cluster = dataDir.resolve("postgres");
            Path passwordFile = dataDir.resolve("postgres.password");
            Optional<PostmasterPid> running = readPid(cluster).filter(PostmasterPid::ready)
                    .filter(pid -> ProcessHandle.of(pid.pid()).map(ProcessHandle::isAlive).orElse(false));
            if (running.isPresent() && Files.isReadable(passwordFile)) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setServerNames(new String[] {"127.0.0.1"});
                ds.setPortNumbers(new int[] {running.get().port()});
                ds.setDatabaseName("postgres");
                ds.setUser(LocalPostgres.USER);
                try {
                    ds.setPassword(Files.readString(passwordFile).strip());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + passwordFile + ": " + e.getMessage());
                }
                return new Target(ds, Optional.empty());
            }
            String binaries = Optional.ofNullable(System.getenv("SPOTTER_EMBEDDED_POSTGRES_BINARIES_DIR")).orElse("");
            LocalPostgres server = LocalPostgres.start(new LocalPostgres.Settings(cluster, passwordFile,
                    binaries.isBlank() ? EmbeddedPostgresConfiguration.defaultBinariesDir(dataDir)
                            : Path.of(binaries), 0, Duration.ofSeconds(60), false));
            return new Target((PGSimpleDataSource) server.dataSource(), Optional.of(server));
        }

        private static Optional<PostmasterPid> readPid(Path cluster) {
            try {
                return PostmasterPid.read(cluster);
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            started.ifPresent(LocalPostgres::close);
        }
    }
}

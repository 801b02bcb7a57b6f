package app.spotter.support.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every night a backup of the embedded database ({@link LogicalDump}) into the backup folder, keeping the newest
 * {@code keep}. Only for the embedded database: an external one is the operator's to back up ({@code scripts/backup}
 * works for it too). The secret key file is not in the dump and must be backed up beside it.
 */
final class NightlyBackup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'spotter-'yyyyMMdd-HHmmss'.zip'");

    private final DataSource database;
    private final Path folder;
    private final int keep;
    private final LocalTime at;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spotter-nightly-backup");
        t.setDaemon(true);
        return t;
    });

    NightlyBackup(DataSource database, Path folder, int keep, LocalTime at, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.keep = Math.max(1, keep);
        this.at = at;
        this.clock = clock.withZone(java.time.ZoneId.systemDefault()); // 02:00 on the machine's own clock
    }

    void schedule() {
        timer.schedule(this::runAndReschedule, untilNext(ZonedDateTime.now(clock)).toMillis(), TimeUnit.MILLISECONDS);
        log.info("Nightly backups at {} into {} (keeping {})", at, folder, keep);
    }

    /** From {@code now} to the next {@code at}, today's if it is still ahead. */
    Duration untilNext(ZonedDateTime now) {
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    private void runAndReschedule() {
        try {
            runNow();
        } catch (RuntimeException | IOException | SQLException e) {
            log.error("Nightly backup into {} failed: {}", folder, e.toString());
        } finally {
            schedule();
        }
    }

    /** One backup now, then the oldest beyond {@code keep} are deleted. */
    Path runNow() throws IOException, SQLException {
        PostgresBinaries.ownerOnlyFolder(folder);
        Path file = folder.resolve(NAME.format(LocalDateTime.now(clock)));
        Path partial = folder.resolve("." + file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Connection c = database.getConnection(); OutputStream out = Files.newOutputStream(partial)) {
            LogicalDump.dump(c, out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune();
        log.info("Backed up the database into {}", file);
        return file;
    }

    private void prune() throws IOException {
        List<Path> backups;
        try (var files = Files.list(folder)) {
            // the names sort by time (spotter-yyyyMMdd-HHmmss.zip)
            backups = files.filter(f -> f.getFileName().toString().matches("spotter-\\d{8}-\\d{6}\\.zip"))
                    .sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.deleteIfExists(old);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package app.spotter.bench;

import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * vdirsyncer (Debian package) uploading the same objects from a local filesystem storage to a fresh collection:
 * the established tool for this job, for comparison. vdirsyncer 0.19 performs its uploads one after another.
 */
final class VdirsyncerUpload {

    private static final Duration LIMIT = Duration.ofMinutes(15);

    private VdirsyncerUpload() {}

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/vdirsyncer"));
    }

    /** @return the wall time of {@code vdirsyncer sync} alone (discovery and status set-up are not counted) */
    static Duration run(URI calendar, Map<String, byte[]> objects) throws Exception {
        Path dir = TempDirs.create("spotter-bench-vdirsyncer-");
        try {
            Path local = Files.createDirectories(dir.resolve("local"));
            for (var object : objects.entrySet()) {
                Files.write(local.resolve(object.getKey()), object.getValue());
            }
            Path config = Files.writeString(dir.resolve("config"), """
                    [general]
                    status_path = "%s"

                    [pair bench]
                    a = "local"
                    b = "radicale"
                    collections = null
                    conflict_resolution = "a wins"

                    [storage local]
                    type = "filesystem"
                    path = "%s"
                    fileext = ".ics"

                    [storage radicale]
                    type = "caldav"
                    url = "%s"
                    username = "%s"
                    password = "%s"
                    """.formatted(dir.resolve("status"), local, calendar, CalDavServerProcess.USER,
                    CalDavServerProcess.PASSWORD));
            vdirsyncer(dir, config, "discover", "bench");
            long started = System.nanoTime();
            vdirsyncer(dir, config, "sync", "bench");
            return Duration.ofNanos(System.nanoTime() - started);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void vdirsyncer(Path dir, Path config, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("vdirsyncer", "-c", config.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(args[0] + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("vdirsyncer " + args[0] + " did not finish within " + LIMIT);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("vdirsyncer " + args[0] + " failed: " + Files.readString(log));
        }
    }
}

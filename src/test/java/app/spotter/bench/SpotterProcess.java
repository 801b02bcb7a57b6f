package app.spotter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spotter as a child process started from the packaged jar, exactly as {@code scripts/run} starts it: a separate
 * process is the only honest way to read its resident memory and its startup time. Embedded PostgreSQL lives in
 * the given data dir; the process listens on a free loopback port.
 */
final class SpotterProcess implements AutoCloseable {

    /** Startup is bounded: a Spotter that is not UP by then is a failed benchmark, not a slow one. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;
    private final long startupNanos;

    private SpotterProcess(Process process, int port, Path log, long startupNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupNanos = startupNanos;
    }

    /**
     * Starts the jar and waits for {@code /actuator/health} UP.
     *
     * @param dataDir {@code SPOTTER_DATA_DIR}: a fresh folder means initdb and every migration; an existing one
     *     only starts PostgreSQL
     * @param properties extra Spring properties, e.g. {@code spotter.sync.threads=8}
     */
    static SpotterProcess start(Path dataDir, List<String> properties) {
        return start(dataDir, BenchConfig.spotterJvmOptions(), properties);
    }

    /** As {@link #start(Path, List)} with these JVM options (e.g. {@link #defaultJvmOptions()}). */
    static SpotterProcess start(Path dataDir, List<String> jvmOptions, List<String> properties) {
        try {
            Path jar = jar();
            int port = freePort();
            Path log = Files.createTempFile("spotter-bench-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            // the benchmarks' Radicale listens on loopback, which Spotter refuses by default
            command.add("--spotter.caldav.allow-private-networks=true");
            properties.forEach(p -> command.add("--" + p));
            BenchConfig.spotterProperties().forEach(p -> command.add("--" + p));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SPOTTER_DATA_DIR", dataDir.toString());
            builder.environment().remove("SPRING_DATASOURCE_URL"); // always the embedded PostgreSQL
            long started = System.nanoTime();
            Process process = builder.start();
            SpotterProcess spotter = new SpotterProcess(process, port, log, awaitUp(process, port, log) - started);
            return spotter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long awaitUp(Process process, int port, Path log) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Spotter exited at start; log: " + log);
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Sleep.millis(20); // 20 ms polling: the startup figure is at most that much late
        }
        throw new IllegalStateException("Spotter not UP within " + STARTUP_LIMIT + "; log: " + log);
    }

    /** The JVM options scripts/run starts Spotter with (SPOTTER_JAVA_OPTS_DEFAULT in scripts/jdk.sh). */
    static List<String> defaultJvmOptions() {
        try {
            return Files.readAllLines(Path.of("scripts/jdk.sh")).stream()
                    .filter(line -> line.startsWith("SPOTTER_JAVA_OPTS_DEFAULT="))
                    .map(line -> line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')))
                    .map(options -> List.of(options.split("\\s+")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no SPOTTER_JAVA_OPTS_DEFAULT"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the process wrote an OutOfMemoryError (or any other JVM error) to its log. */
    boolean loggedOutOfMemory() throws IOException {
        return Files.readString(log).contains("OutOfMemoryError");
    }

    boolean alive() {
        return process.isAlive();
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("spotter-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/spotter-*.jar: run scripts/bench"));
        }
    }

    /** Spotter's console output, kept after the run for a look at what went wrong. */
    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Duration startup() {
        return Duration.ofNanos(startupNanos);
    }

    Memory memory() {
        return Memory.of(process.toHandle());
    }

    /** SIGTERM (graceful shutdown closes PostgreSQL), then anything of ours still alive is killed. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                // PostgreSQL stops itself when Spotter closes it; a leftover would hold the data dir
                if (child.isAlive()) {
                    child.onExit().get(20, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

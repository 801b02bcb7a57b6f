package app.spotter.reliability;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Spotter as its own OS process, started from the packaged jar, so a test can {@code kill -9} it. */
final class SpotterProcess implements AutoCloseable {

    final int port;
    private final Process process;
    private final Path log;

    private SpotterProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** target/spotter-*.jar, built by the package phase that precedes integration tests. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("user.dir"), "target"))) {
            return files.filter(p -> p.getFileName().toString().matches("spotter-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/spotter-*.jar: run ./mvnw verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpotterProcess start(String jdbcUrl, Path dataDir, Map<String, String> extraEnv) {
        try {
            int port = freePort();
            Path log = Files.createTempFile(dataDir, "spotter-" + port + "-", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("SPRING_DATASOURCE_URL", jdbcUrl,
                    "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres",
                    "SERVER_PORT", Integer.toString(port), "SPOTTER_DATA_DIR", dataDir.toString(),
                    // the tests' CalDAV servers listen on loopback, which Spotter refuses by default
                    "SPOTTER_CALDAV_ALLOW_PRIVATE_NETWORKS", "true"));
            builder.environment().putAll(extraEnv);
            SpotterProcess spotter = new SpotterProcess(port, builder.start(), log);
            spotter.awaitHealthy(Duration.ofSeconds(120));
            return spotter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Spotter exited at start:\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("Spotter not healthy within " + timeout + ":\n" + logTail());
    }

    /** kill -9: no shutdown hook, no graceful stop, connections and locks left as they were. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

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
        Map<String, String> env = new java.util.HashMap<>(Map.of("SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres"));
        env.putAll(extraEnv);
        return start(List.of("-Xmx512m"), dataDir, env);
    }

    /**
     * As {@code scripts/run} starts it: the default JVM options of {@code scripts/jdk.sh} and no database
     * configured, so Spotter runs its embedded PostgreSQL in {@code dataDir}.
     */
    static SpotterProcess startEmbedded(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("MALLOC_ARENA_MAX", "2");
        return start(List.of(defaultJvmOptions().split(" ")), dataDir, env);
    }

    static String defaultJvmOptions() {
        try {
            Process p = new ProcessBuilder("bash", "-c", ". scripts/jdk.sh >/dev/null && printf %s "
                    + "\"$SPOTTER_JAVA_OPTS_DEFAULT\"").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String options = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || options.isEmpty()) {
                throw new IllegalStateException("scripts/jdk.sh gave no SPOTTER_JAVA_OPTS_DEFAULT");
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SpotterProcess start(List<String> jvmOptions, Path dataDir, Map<String, String> env) {
        try {
            int port = freePort();
            Path log = Files.createTempFile(dataDir, "spotter-" + port + "-", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new java.util.ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("SPRING_DATASOURCE_URL");
            builder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port),
                    "SPOTTER_DATA_DIR", dataDir.toString(),
                    // the tests' CalDAV servers listen on loopback, which Spotter refuses by default
                    "SPOTTER_CALDAV_ALLOW_PRIVATE_NETWORKS", "true"));
            builder.environment().putAll(env);
            SpotterProcess spotter = new SpotterProcess(port, builder.start(), log);
            try {
                spotter.awaitHealthy(Duration.ofSeconds(240)); // six engineers share two cores: 2-minute starts seen
            } catch (RuntimeException notUp) {
                spotter.close(); // a start that failed the test must not leave a Spotter running
                throw notUp;
            }
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

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
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

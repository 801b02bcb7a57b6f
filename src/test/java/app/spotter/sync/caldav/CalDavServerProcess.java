package app.spotter.sync.caldav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real CalDAV server (the Debian packages {@code radicale} or {@code xandikos}) running as a child process on a
 * free loopback port with its own temporary storage. Works as root: neither server refuses to run as root, and
 * nothing outside the temporary folder is read or written (Radicale gets its own config file, so
 * {@code /etc/radicale/config} is ignored).
 *
 * <p>Xandikos has no authentication of its own (it expects a reverse proxy), so it runs open: the client still
 * sends Basic credentials, which it ignores, and auth failures can only be tested against Radicale.
 */
public final class CalDavServerProcess implements AutoCloseable {

    public enum Kind { RADICALE, XANDIKOS }

    public static final String USER = "trainer";
    public static final String PASSWORD = "s3cret pässword:with colon";

    private final Kind kind;
    private final Path directory;
    private final Process process;
    private final URI baseUrl;

    private CalDavServerProcess(Kind kind, Path directory, Process process, URI baseUrl) {
        this.kind = kind;
        this.directory = directory;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Radicale's log level: {@code warning}, or {@code info} ({@code -Dbench.radicale.log-level=info}) for a
     * benchmark that counts the requests it was sent ({@link #requestsByMethod}).
     */
    private static final String LOG_LEVEL = System.getProperty("bench.radicale.log-level", "warning")
            .equals("info") ? "info" : "warning";

    private static final java.util.regex.Pattern REQUEST =
            java.util.regex.Pattern.compile("\\b([A-Z]+) request for ");

    public static CalDavServerProcess start(Kind kind) {
        try {
            Path directory = Files.createTempDirectory("spotter-" + kind.name().toLowerCase() + "-");
            int port = freePort();
            List<String> command = switch (kind) {
                case RADICALE -> radicale(directory, port);
                case XANDIKOS -> List.of("xandikos", "-d", directory.resolve("data").toString(), "--autocreate",
                        "-l", "127.0.0.1", "-p", Integer.toString(port),
                        "--current-user-principal", "/" + USER + "/");
            };
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("server.log").toFile())
                    .start();
            CalDavServerProcess server =
                    new CalDavServerProcess(kind, directory, process, URI.create("http://127.0.0.1:" + port + "/"));
            server.awaitListening(port);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + kind + " (apt-get install radicale xandikos)", e);
        }
    }

    private static List<String> radicale(Path directory, int port) throws IOException {
        // Plain htpasswd keeps the fixture free of python3-bcrypt; the password never leaves the temp folder.
        Path users = Files.writeString(directory.resolve("users"), USER + ":" + PASSWORD + "\n");
        Path config = Files.writeString(directory.resolve("config"), """
                [server]
                hosts = 127.0.0.1:%d
                [auth]
                type = htpasswd
                htpasswd_filename = %s
                htpasswd_encryption = plain
                # no penalty delay after a wrong password: the AUTH test would wait for it
                delay = 0
                [rights]
                type = owner_only
                [storage]
                filesystem_folder = %s
                [logging]
                level = %s
                mask_passwords = True
                """.formatted(port, users, directory.resolve("collections"), LOG_LEVEL));
        return List.of("radicale", "--config", config.toString());
    }

    Kind kind() {
        return kind;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The server's process id (the benchmarks read its CPU time). */
    public long pid() {
        return process.pid();
    }

    /** Where the server keeps its files, to check what it stored without going through the client. */
    Path storage() {
        return kind == Kind.RADICALE
                ? directory.resolve("collections").resolve("collection-root")
                : directory.resolve("data");
    }

    /**
     * The object as Radicale wrote it to disk ({@code collection-root/<user>/<calendar>/<name>}), read without any
     * HTTP at all. Xandikos keeps objects in git, so for it the raw HTTP reads of {@link RawDav} are the check.
     */
    java.util.Optional<String> storedFile(URI objectUrl) {
        if (kind != Kind.RADICALE) {
            throw new UnsupportedOperationException("only Radicale stores plain files");
        }
        Path file = storage().resolve(java.net.URLDecoder.decode(objectUrl.getRawPath().substring(1),
                java.nio.charset.StandardCharsets.UTF_8));
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readString(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean authenticates() {
        return kind == Kind.RADICALE;
    }

    private void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind + " exited at start: " + log());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException(kind + " did not listen within 20 s: " + log());
    }

    /**
     * The requests Radicale logged so far, by method (empty unless it logs at {@code info}): what a client cost
     * the server besides its CPU.
     */
    public java.util.Map<String, Integer> requestsByMethod() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        java.util.regex.Matcher m = REQUEST.matcher(log());
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts;
    }

    String log() {
        try {
            return Files.readString(directory.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the server and any children it forked, then removes its storage. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is not worth failing a test for
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return kind.name().charAt(0) + kind.name().substring(1).toLowerCase();
    }
}

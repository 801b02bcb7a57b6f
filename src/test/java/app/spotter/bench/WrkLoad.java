package app.spotter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop POST /api/v1/bookings load from wrk (Debian's package), driven by {@code bench/post-bookings.lua}.
 * wrk is C on one thread: it leaves far more of a small machine's CPU to Spotter than a JVM load generator does,
 * so its figures are the ones held against the target. Each run takes its own range of slots (no 409s).
 */
final class WrkLoad {

    record Result(double requestsPerSecond, String p50, String p90, String p99, String max, long requests,
            long non2xx, String socketErrors) {

        @Override
        public String toString() {
            return "%7.0f req/s  n=%d p50=%s p90=%s p99=%s max=%s  non-2xx %d%s".formatted(requestsPerSecond,
                    requests, p50, p90, p99, max, non2xx, socketErrors == null ? "" : "  socket errors: " + socketErrors);
        }
    }

    /** Slots of one run are hours from 2035 on; each run starts 20,000 hours after the previous one. */
    private static final long FIRST_SLOT_EPOCH = 2051222400L; // 2035-01-01T00:00:00Z
    private static final long HOURS_PER_RUN = 20_000;

    private final String url;
    private final Path script;
    private final Path trainers;
    private int runs;

    private WrkLoad(String url, Path script, Path trainers) {
        this.url = url;
        this.script = script;
        this.trainers = trainers;
    }

    static Optional<WrkLoad> ifInstalled(int port, List<Trainer> trainers) throws IOException {
        if (!installed()) {
            return Optional.empty();
        }
        Path dir = TempDirs.create("spotter-bench-wrk-");
        Path script = dir.resolve("post-bookings.lua");
        try (InputStream in = WrkLoad.class.getResourceAsStream("/bench/post-bookings.lua")) {
            Files.copy(in, script);
        }
        Path list = dir.resolve("trainers.txt");
        Files.write(list, trainers.stream().map(t -> t.token + " " + t.clientId).toList(), StandardCharsets.UTF_8);
        return Optional.of(new WrkLoad("http://127.0.0.1:" + port + "/api/v1/bookings", script, list));
    }

    /** A warm-up run (dropped), then the measured one. */
    Result closed(int connections, Duration warmup, Duration measured) throws IOException, InterruptedException {
        run(connections, warmup);
        return parse(run(connections, measured));
    }

    private String run(int connections, Duration duration) throws IOException, InterruptedException {
        long firstSlot = FIRST_SLOT_EPOCH + (runs++) * HOURS_PER_RUN * 3600;
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), url, "--", trainers.toString(), Long.toString(firstSlot), "1")
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    static Result parse(String output) {
        return new Result(Double.parseDouble(find(output, "Requests/sec:\\s+([\\d.]+)")),
                find(output, "\\s50%\\s+(\\S+)"), find(output, "\\s90%\\s+(\\S+)"), find(output, "\\s99%\\s+(\\S+)"),
                find(output, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)"),
                Long.parseLong(find(output, "(\\d+) requests in")),
                Long.parseLong(Optional.ofNullable(findOrNull(output, "Non-2xx or 3xx responses:\\s+(\\d+)")).orElse("0")),
                findOrNull(output, "Socket errors:\\s+(.+)"));
    }

    private static String find(String text, String regex) {
        String value = findOrNull(text, regex);
        if (value == null) {
            throw new IllegalStateException("no /" + regex + "/ in wrk's output:\n" + text);
        }
        return value;
    }

    private static String findOrNull(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean installed() {
        try {
            // wrk --version exits with 1 after printing its usage: that it started at all is the answer
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package app.spotter.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs of every benchmark, as {@code -Dbench.*} system properties (pass them through {@code BENCH_OPTS}).
 * Defaults are the figures {@code docs/BENCHMARKS.md} reports; smaller values make quick development runs.
 */
final class BenchConfig {

    private BenchConfig() {}

    /** Bookings pushed in bulk-push, no-change-round and vdirsyncer (the targets speak of 1,000). */
    static int bookings() {
        return Integer.getInteger("bench.bookings", 1000);
    }

    /** Spotter's {@code spotter.sync.threads}, and the bare client's concurrency, so they compare like for like. */
    static int syncThreads() {
        return Integer.getInteger("bench.sync-threads", 8);
    }

    /** How many times bulk-push repeats its warm legs (Spotter's two and the bare clients'), interleaved. */
    static int pushRepeats() {
        return Math.max(1, Integer.getInteger("bench.repeat", 3));
    }

    /**
     * Whether bulk-push gives the CalDAV server a core of its own (on by default with two cores or more): a real
     * server never shares Spotter's cores, and on shared cores the server's cost per PUT follows who else runs.
     */
    static boolean pinServer() {
        return Boolean.parseBoolean(System.getProperty("bench.pin", "true"));
    }

    static int latencyCount() {
        return Integer.getInteger("bench.latency.count", 200);
    }

    static Duration latencySpacing() {
        return Duration.ofMillis(Integer.getInteger("bench.latency.spacing-ms", 200));
    }

    static Duration loadWarmup() {
        return Duration.ofSeconds(Integer.getInteger("bench.load.warmup-s", 5));
    }

    static Duration loadDuration() {
        return Duration.ofSeconds(Integer.getInteger("bench.load.seconds", 20));
    }

    /** Closed-loop concurrencies of post-throughput (clients each sending back to back). */
    static List<Integer> loadConcurrencies() {
        return Arrays.stream(System.getProperty("bench.load.concurrency", "8,16,32,128").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
    }

    /**
     * The fixed arrival rate of post-throughput's open-loop run (JVM generator); 0, the default, skips it: on two
     * cores the generator needs a core of its own, and past the capacity it collapses (docs/BENCHMARKS.md).
     */
    static int loadRate() {
        return Integer.getInteger("bench.load.rate", 0);
    }

    static int loadTrainers() {
        return Integer.getInteger("bench.load.trainers", 50);
    }

    /** post-throughput's sync modes: {@code off} (no calendar connected) and/or {@code realtime} (Apple on Radicale). */
    static List<String> loadSyncModes() {
        return Arrays.stream(System.getProperty("bench.load.sync", "off,realtime").split(","))
                .map(String::trim).toList();
    }

    /** JVM options of the Spotter process; empty = the JVM's defaults, as {@code scripts/run} starts it. */
    static List<String> spotterJvmOptions() {
        String options = System.getProperty("bench.spotter.jvm", "").trim();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    /** Extra Spring properties for the Spotter process ({@code name=value,...}), e.g. a debug log level. */
    static List<String> spotterProperties() {
        String properties = System.getProperty("bench.spotter.properties", "").trim();
        return properties.isEmpty() ? List.of() : Arrays.asList(properties.split(","));
    }
}

package app.spotter.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The security review's two load attacks on Spotter's jar with scripts/run's JVM options: a 20,000-booking
 * trainer's feed fetched by 10 clients at once, then a flood of 50 failed logins per second; health is sampled
 * throughout (target: p99 under 100 ms, no OutOfMemoryError).
 */
public final class AttackBenchmark implements Benchmark {

    static final int BOOKINGS = Integer.getInteger("bench.attack.bookings", 20_000);
    static final int PARALLEL = 10;
    static final int ROUNDS = Integer.getInteger("bench.attack.rounds", 3);
    static final int LOGINS_PER_SECOND = 50;
    static final Duration FLOOD = Duration.ofSeconds(Long.getLong("bench.attack.flood.seconds", 20));

    @Override
    public String name() {
        return "attack";
    }

    @Override
    public String description() {
        return "feed of " + BOOKINGS + " bookings x" + PARALLEL + " parallel, then " + LOGINS_PER_SECOND
                + " failed logins/s; health p99 meanwhile";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dataDir = Files.createTempDirectory("spotter-bench-attack-");
        List<String> jvm = BenchConfig.spotterJvmOptions().isEmpty() ? SpotterProcess.defaultJvmOptions()
                : BenchConfig.spotterJvmOptions();
        try (SpotterProcess spotter = SpotterProcess.start(dataDir, jvm, List.of())) {
            out.println("Spotter JVM options: " + String.join(" ", jvm));
            long seeding = System.nanoTime();
            String feed = FeedLoad.seed(spotter.port(), BOOKINGS);
            out.printf("seeded %,d bookings over the API in %.1f s%n", BOOKINGS, (System.nanoTime() - seeding) / 1e9);
            FeedLoad.print(out, FeedLoad.fetch(spotter.port(), feed, BOOKINGS, PARALLEL, ROUNDS));
            out.println("resident memory after the fetches: " + spotter.memory());
            out.println("login flood from 5 addresses:");
            LoginFlood.print(out, LoginFlood.run(spotter.port(), LOGINS_PER_SECOND, FLOOD, 5));
            out.println("login flood from a fresh address per request (every request costs an Argon2 check):");
            LoginFlood.print(out, LoginFlood.run(spotter.port(), LOGINS_PER_SECOND, FLOOD, 0));
            out.printf("process alive: %s, OutOfMemoryError in its log: %s%n", spotter.alive(),
                    spotter.loggedOutOfMemory());
        }
    }
}

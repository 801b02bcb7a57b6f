package app.spotter.bench;

import java.io.PrintStream;

/**
 * Target: a sync round with nothing changed costs 1 request per connection. Spotter reaches Radicale through a
 * counting proxy; after the bulk push, one "sync now" lets a round store a fresh sync token, then the requests of
 * the next "sync now" round are counted.
 */
public final class NoChangeRoundBenchmark implements Benchmark {

    /** A round is over when the proxy has seen no request for this long (bounded by {@link #ROUND_LIMIT_MS}). */
    private static final long QUIET_MS = 2000;
    private static final long ROUND_LIMIT_MS = 60_000;

    @Override
    public String name() {
        return "no-change-round";
    }

    @Override
    public String description() {
        return "requests of one \"sync now\" round with N synced events and nothing changed";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int n = BenchConfig.bookings();
        try (PushScenario scenario = PushScenario.start(n, true)) {
            scenario.pushAll();
            int afterPush = roundRequests(scenario);
            int quiet = roundRequests(scenario);
            out.printf("events on the server     %d%n", n);
            out.printf("round after the push     %d requests (learns the etags of its own writes)%n", afterPush);
            out.printf("round, nothing changed   %d requests (target 1)%n", quiet);
        }
    }

    private static int roundRequests(PushScenario scenario) {
        int before = scenario.proxy.forwarded();
        scenario.trainer.syncNow();
        long started = System.currentTimeMillis();
        int last = before;
        long lastChange = started;
        while (System.currentTimeMillis() - lastChange < QUIET_MS
                && System.currentTimeMillis() - started < ROUND_LIMIT_MS) {
            Sleep.millis(100);
            int now = scenario.proxy.forwarded();
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
            }
        }
        return scenario.proxy.forwarded() - before;
    }
}

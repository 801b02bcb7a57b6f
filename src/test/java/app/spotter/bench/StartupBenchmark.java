package app.spotter.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Startup: process start -> {@code /actuator/health} UP for the jar, first with a fresh data dir (initdb and every
 * migration), then twice with that existing one; resident memory when idle after each start.
 */
public final class StartupBenchmark implements Benchmark {

    /** Idle means: startup work done, nothing asked of it for this long. */
    private static final long SETTLE_MS = 5000;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "jar start -> health UP with a fresh and an existing data dir; idle memory";
    }

    @Override
    public void run(PrintStream out) {
        Path dataDir = TempDirs.create("spotter-bench-data-");
        try {
            measure(out, "fresh data dir", dataDir);
            measure(out, "existing data dir", dataDir);
            measure(out, "existing data dir", dataDir);
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    private static void measure(PrintStream out, String label, Path dataDir) {
        try (SpotterProcess spotter = SpotterProcess.start(dataDir, List.of())) {
            Sleep.millis(SETTLE_MS);
            out.printf("%-24s %6.2f s to UP; idle: %s%n", label, spotter.startup().toMillis() / 1000.0,
                    spotter.memory());
        }
    }
}

package app.spotter.bench;

import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Target: POST booking >= 1,000 requests/s at p99 <= 50 ms on loopback, with resident memory <= 350 MB under that
 * load. Runs per sync mode: {@code off} (no calendar connected: the API alone) and {@code realtime} (every trainer
 * has Apple connected to one Radicale, so each booking also enqueues a push that competes for the same CPUs; the
 * pushes lag far behind at this rate, which is the point: the API must not).
 *
 * <p>Closed-loop runs use wrk when it is installed (scripts/bench installs it), else the in-repo generator; the
 * fixed-rate run is always the in-repo open-loop generator (wrk 4 has no fixed rate), whose own CPU use on a small
 * machine is part of what it measures.
 */
public final class PostThroughputBenchmark implements Benchmark {

    @Override
    public String name() {
        return "post-throughput";
    }

    @Override
    public String description() {
        return "POST /api/v1/bookings: closed-loop concurrencies (wrk), optionally a fixed rate; memory under load";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        out.printf("warm-up %d s, measured %d s per run, %d trainers, Spotter JVM options: %s%n",
                BenchConfig.loadWarmup().toSeconds(), BenchConfig.loadDuration().toSeconds(),
                BenchConfig.loadTrainers(),
                BenchConfig.spotterJvmOptions().isEmpty() ? "(JVM defaults)" : BenchConfig.spotterJvmOptions());
        for (String mode : BenchConfig.loadSyncModes()) {
            runMode(out, mode);
        }
    }

    private static void runMode(PrintStream out, String mode) throws Exception {
        boolean realtime = mode.equals("realtime");
        Path dataDir = TempDirs.create("spotter-bench-data-");
        CalDavServerProcess radicale = realtime ? CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE) : null;
        try (SpotterProcess spotter = SpotterProcess.start(dataDir,
                List.of("spotter.sync.threads=" + BenchConfig.syncThreads()))) {
            List<Trainer> trainers = trainers(spotter.port(), BenchConfig.loadTrainers(), radicale);
            LoadGenerator load = new LoadGenerator(spotter.port(), trainers, 0);
            out.printf("-- sync %s%s%n", mode, realtime ? " (Apple connected to Radicale for every trainer)" : "");
            try (MemorySampler memory = new MemorySampler(spotter)) {
                var wrk = WrkLoad.ifInstalled(spotter.port(), trainers);
                for (int clients : BenchConfig.loadConcurrencies()) {
                    if (wrk.isPresent()) {
                        out.printf("wrk %4d conns  %s%n", clients,
                                wrk.get().closed(clients, BenchConfig.loadWarmup(), BenchConfig.loadDuration()));
                    } else {
                        print(out, "%4d clients".formatted(clients),
                                load.closed(clients, BenchConfig.loadWarmup(), BenchConfig.loadDuration()));
                    }
                }
                if (BenchConfig.loadRate() > 0) {
                    print(out, "%4d/s fixed".formatted(BenchConfig.loadRate()),
                            load.open(BenchConfig.loadRate(), BenchConfig.loadWarmup(), BenchConfig.loadDuration()));
                }
                out.printf("max memory under load  %s (target JVM RSS <= 350 MB)%n", memory.max());
            }
            out.printf("after load, idle       %s%n", spotter.memory());
        } finally {
            if (radicale != null) {
                radicale.close();
            }
            TempDirs.delete(dataDir);
        }
    }

    private static List<Trainer> trainers(int port, int count, CalDavServerProcess radicale) throws Exception {
        List<Future<Trainer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    Trainer t = Trainer.signUp(port);
                    if (radicale != null) {
                        t.connectApple(radicale.baseUrl());
                    }
                    return t;
                }));
            }
        }
        List<Trainer> trainers = new ArrayList<>();
        for (Future<Trainer> f : futures) {
            trainers.add(f.get());
        }
        return trainers;
    }

    private static void print(PrintStream out, String label, LoadGenerator.Result r) {
        out.printf("%s  %7.0f req/s  %s  errors %d%s%n", label, r.requestsPerSecond(), r.latency(), r.errors(),
                r.overloaded() > 0 ? "  not started (over 4x rate in flight) " + r.overloaded() : "");
    }
}

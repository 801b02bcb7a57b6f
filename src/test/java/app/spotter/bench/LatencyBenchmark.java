package app.spotter.bench;

import app.spotter.support.FaultyProxy;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Target: booking saved -> event on the CalDAV server, p50 <= 250 ms, p99 <= 1 s (realtime frequency).
 *
 * <p>How "on the server" is timed: Spotter talks to Radicale through a loopback proxy that notes the instant
 * Radicale's answer to each object's PUT arrives (2xx: the object is stored). Polling the resource instead would
 * load the very server being measured and add up to a poll interval of error; the proxy costs one loopback hop,
 * which makes the figure slightly pessimistic. Both clocks are this JVM's {@link System#nanoTime}. The start is
 * the moment the POST's 201 reached the client (the booking is committed).
 */
public final class LatencyBenchmark implements Benchmark {

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public String description() {
        return "realtime: POST booking 201 -> PUT stored on Radicale, one booking at a time";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int count = BenchConfig.latencyCount();
        Path dataDir = TempDirs.create("spotter-bench-data-");
        try (CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
                FaultyProxy proxy = new FaultyProxy(radicale.baseUrl());
                SpotterProcess spotter = SpotterProcess.start(dataDir,
                        List.of("spotter.sync.threads=" + BenchConfig.syncThreads()))) {
            Trainer trainer = Trainer.signUp(spotter.port());
            trainer.connectApple(proxy.uri()); // realtime is the default frequency
            Map<String, Long> stored = new ConcurrentHashMap<>();
            proxy.observe(f -> {
                if (f.method().equals("PUT") && f.status() / 100 == 2 && f.path().endsWith(".ics")) {
                    String name = f.path().substring(f.path().lastIndexOf('/') + 1);
                    stored.putIfAbsent(name.substring(0, name.length() - 4), f.answeredAtNanos());
                }
            });
            Map<String, Long> saved = new java.util.LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String id = trainer.api.createBooking(trainer.clientId, Trainer.slot(i), 45);
                saved.put(id.replace("-", ""), System.nanoTime());
                Sleep.millis(BenchConfig.latencySpacing().toMillis());
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!stored.keySet().containsAll(saved.keySet()) && System.nanoTime() < deadline) {
                Sleep.millis(50);
            }
            List<Long> latencies = new ArrayList<>();
            saved.forEach((hex, at) -> {
                Long put = stored.get(hex);
                if (put != null) {
                    latencies.add(put - at); // may be slightly negative: the PUT can beat the 201 to the client
                }
            });
            out.printf("bookings                 %d, one every %d ms, sync threads %d%n", count,
                    BenchConfig.latencySpacing().toMillis(), BenchConfig.syncThreads());
            out.printf("saved -> on server       %s (target p50 <= 250 ms, p99 <= 1000 ms)%n",
                    Percentiles.ofNanos(latencies));
            out.printf("never arrived (60 s)     %d%n", count - latencies.size());
        } finally {
            TempDirs.delete(dataDir);
        }
    }
}

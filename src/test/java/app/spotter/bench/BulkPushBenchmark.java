package app.spotter.bench;

import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Target: a bulk push of N bookings to Radicale within 1.10x of the server's floor. The floor is a bare client
 * PUTting Spotter's own objects (fetched untimed, byte-identical) one at a time and eight at a time: Radicale
 * serialises writes, so more concurrency is not always faster. Radicale's PUT cost grows with the collection's size,
 * so every leg writes into a fresh, empty collection of the same server process.
 *
 * <p>The first leg (a trainer connecting) runs on a cold JVM and is printed on its own: a running Spotter has
 * compiled its sync path long before a trainer presses "sync now". The warm legs then run in rounds (Spotter's
 * "sync now", bare one at a time, Spotter's connect, bare eight at a time), and the ratio compares medians over the
 * rounds: one run of each swung by up to 15 % on this machine. The server gets a core of its own ({@link
 * CorePinning}), as it has in a deployment. Each leg also prints the CPU it cost Spotter, its PostgreSQL and
 * Radicale per event.
 */
public final class BulkPushBenchmark implements Benchmark {

    /**
     * One at a time and eight at a time (Spotter's sync threads); two at a time, Spotter's workers per connection,
     * was never the fastest in six runs and is left out of the floor.
     */
    private static final int[] BARE_CONCURRENCY = {1, 8};
    private static final String SYNC_NOW = "spotter from \"sync now\"";
    private static final String FROM_CONNECT = "spotter from connect";

    @Override
    public String name() {
        return "bulk-push";
    }

    @Override
    public String description() {
        return "N bookings pushed by \"sync now\" and from connect to Radicale vs a bare client, vdirsyncer";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int n = BenchConfig.bookings();
        int repeats = BenchConfig.pushRepeats();
        try (PushScenario scenario = PushScenario.start(n, false)) {
            Optional<CorePinning> pinning = CorePinning.ifWanted();
            pinning.ifPresent(p -> {
                p.self();
                p.client(scenario.spotter.pid());
                p.server(scenario.radicale.pid());
            });
            Meter meter = new Meter(scenario);
            BareDav dav = new BareDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            out.printf("bookings                 %d (sync threads %d, workers per connection 2), %d rounds of legs%n",
                    n, BenchConfig.syncThreads(), repeats);
            out.println("cores                    " + pinning.map(CorePinning::describe).orElse("shared by all"));
            Trainer first = scenario.trainerWithBookings();
            Measured<PushScenario.Leg> cold = meter.measure(() -> scenario.pushAllFromConnect(first));
            verify(dav, cold.result().calendar(), n);
            print(out, "cold JVM, from connect", cold, n);

            Map<String, List<Duration>> legs = new LinkedHashMap<>();
            Map<String, byte[]> objects = null;
            for (int round = 1; round <= repeats; round++) {
                out.printf("round %d%n", round);
                // Spotter's legs and the bare client's alternate, so a drift of the machine touches both alike
                PushScenario.Waiting waiting = round == 1
                        ? new PushScenario.Waiting(scenario.trainer, scenario.calendar)
                        : scenario.manualTrainerWithBookings();
                Measured<Duration> syncNow = meter.measure(() -> scenario.pushAll(waiting.trainer()));
                verify(dav, waiting.calendar(), n);
                print(out, SYNC_NOW, syncNow, n);
                legs.computeIfAbsent(SYNC_NOW, k -> new ArrayList<>()).add(syncNow.took());
                if (objects == null) {
                    // byte-identical objects: Spotter's own stored bodies, fetched untimed
                    objects = BareUpload.download(dav, waiting.calendar(), BenchConfig.syncThreads());
                }
                bare(out, dav, scenario, meter, objects, BARE_CONCURRENCY[0], legs);
                Trainer connecting = scenario.trainerWithBookings();
                Measured<PushScenario.Leg> connect = meter.measure(() -> scenario.pushAllFromConnect(connecting));
                verify(dav, connect.result().calendar(), n);
                print(out, FROM_CONNECT, connect, n);
                legs.computeIfAbsent(FROM_CONNECT, k -> new ArrayList<>()).add(connect.took());
                for (int i = 1; i < BARE_CONCURRENCY.length; i++) {
                    bare(out, dav, scenario, meter, objects, BARE_CONCURRENCY[i], legs);
                }
            }
            summary(out, legs, cold.took());
            if (VdirsyncerUpload.installed()) {
                URI vdirCalendar = dav.newCalendar(scenario.radicale.baseUrl(), CalDavServerProcess.USER);
                Duration vdirsyncer = VdirsyncerUpload.run(vdirCalendar, objects);
                verify(dav, vdirCalendar, n);
                out.printf("vdirsyncer sync          %s (one upload at a time)%n", rate(vdirsyncer, n));
            } else {
                out.println("vdirsyncer               not installed (apt-get install vdirsyncer)");
            }
        }
    }

    private static void bare(PrintStream out, BareDav dav, PushScenario scenario, Meter meter,
            Map<String, byte[]> objects, int concurrency, Map<String, List<Duration>> legs) throws Exception {
        int n = objects.size();
        URI calendar = dav.newCalendar(scenario.radicale.baseUrl(), CalDavServerProcess.USER);
        Measured<Duration> bare = meter.measure(() -> BareUpload.run(dav, calendar, objects, concurrency));
        verify(dav, calendar, n);
        String name = "bare client, %d at a time".formatted(concurrency);
        out.printf("  %-23s%s   %s%n", name, rate(bare.took(), n), bare.cpu(n));
        out.print(bare.requests());
        legs.computeIfAbsent(name, k -> new ArrayList<>()).add(bare.took());
    }

    private static void print(PrintStream out, String name, Measured<?> leg, int n) {
        out.printf("  %-23s%s   %s%n%s%n", name, rate(leg.took(), n), leg.cpu(n), leg.threads(n));
        out.print(leg.requests());
    }

    /**
     * Each leg's median over the rounds; the floor is the fastest bare client's median. A median against a median:
     * the fastest of several bare runs against one Spotter run would favour the floor by the machine's noise alone.
     */
    private static void summary(PrintStream out, Map<String, List<Duration>> legs, Duration cold) {
        Duration floor = null;
        for (int concurrency : BARE_CONCURRENCY) {
            Duration median = median(legs.get("bare client, %d at a time".formatted(concurrency)));
            floor = floor == null || median.compareTo(floor) < 0 ? median : floor;
        }
        for (Map.Entry<String, List<Duration>> leg : legs.entrySet()) {
            out.printf("median %-24s %6.2f s  (rounds: %s)%n", leg.getKey(), seconds(median(leg.getValue())),
                    leg.getValue().stream().map(d -> "%.2f".formatted(seconds(d)))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        out.printf("ratio spotter/floor      %.2f from \"sync now\", %.2f from connect (target <= 1.10); "
                + "cold JVM %.2f (medians; floor %.2f s)%n", seconds(median(legs.get(SYNC_NOW))) / seconds(floor),
                seconds(median(legs.get(FROM_CONNECT))) / seconds(floor), seconds(cold) / seconds(floor),
                seconds(floor));
    }

    static Duration median(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** A leg's wall time and what it cost each process. */
    record Measured<T>(T result, Duration took, CpuTime spotter, CpuTime radicale, Map<String, Long> threads,
            Map<String, Integer> requestCounts) {

        /** Radicale's requests in this leg by method, when it logs them ({@code -Dbench.radicale.log-level=info}). */
        String requests() {
            return requestCounts.isEmpty() ? "" : "  Radicale's requests: " + requestCounts + System.lineSeparator();
        }

        String cpu(int events) {
            return "CPU per event: Spotter %.1f ms, PostgreSQL %.1f ms, Radicale %.1f ms".formatted(
                    spotter.ownMs() / (double) events, spotter.descendantsMs() / (double) events,
                    (radicale.ownMs() + radicale.descendantsMs()) / (double) events);
        }

        /** Spotter's CPU per event by thread group, the largest first (where the time of {@link #cpu} went). */
        String threads(int events) {
            return threads.entrySet().stream().filter(e -> e.getValue() * 10 >= events)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / (double) events))
                    .collect(java.util.stream.Collectors.joining(", ", "  Spotter's threads, ms per event: ", ""));
        }
    }

    private record Meter(PushScenario scenario) {

        <T> Measured<T> measure(Callable<T> leg) throws Exception {
            scenario.awaitServerIdle();
            Map<String, Long> threads = CpuTime.byThread(scenario.spotter.pid());
            Map<String, Integer> requests = scenario.radicale.requestsByMethod();
            CpuTime spotter = CpuTime.of(scenario.spotter.pid());
            CpuTime radicale = CpuTime.of(scenario.radicale.pid());
            long started = System.nanoTime();
            T result = leg.call();
            Duration took = result instanceof PushScenario.Leg l ? l.took()
                    : result instanceof Duration d ? d : Duration.ofNanos(System.nanoTime() - started);
            Map<String, Long> threadsAfter = CpuTime.byThread(scenario.spotter.pid());
            threadsAfter.replaceAll((group, ms) -> ms - threads.getOrDefault(group, 0L));
            Map<String, Integer> requestsAfter = scenario.radicale.requestsByMethod();
            requestsAfter.replaceAll((method, count) -> count - requests.getOrDefault(method, 0));
            requestsAfter.values().removeIf(count -> count == 0);
            return new Measured<>(result, took, CpuTime.of(scenario.spotter.pid()).minus(spotter),
                    CpuTime.of(scenario.radicale.pid()).minus(radicale), threadsAfter, requestsAfter);
        }
    }

    private static void verify(BareDav dav, URI calendar, int n) {
        int count = dav.members(calendar).size();
        if (count != n) {
            throw new IllegalStateException(calendar + " holds " + count + " of " + n + " events");
        }
    }

    static String rate(Duration d, int n) {
        return "%6.2f s (%4.0f events/s)".formatted(seconds(d), n / seconds(d));
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

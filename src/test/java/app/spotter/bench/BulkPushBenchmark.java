package app.spotter.bench;

import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Target: a bulk push of N bookings to Radicale within 1.10x of the server's floor, in one run. The floor is the
 * fastest of a bare client PUTting Spotter's own objects (fetched untimed, byte-identical) one at a time, two at a
 * time (Spotter's workers per connection) and eight at a time (its sync threads): Radicale serialises writes, so
 * more concurrency is not always faster. Radicale's PUT cost grows with the collection's size, so every leg writes
 * into a fresh, empty collection of the same server process.
 *
 * <p>The first leg (a third trainer connecting) runs on a cold JVM and is printed on its own: a running Spotter
 * has compiled its sync path long before a trainer presses "sync now". Each leg also prints the CPU it cost
 * Spotter, its PostgreSQL and Radicale per event, which a busy machine blurs much less than wall time.
 */
public final class BulkPushBenchmark implements Benchmark {

    private static final int[] BARE_CONCURRENCY = {1, 2, 8};

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
        int threads = BenchConfig.syncThreads();
        try (PushScenario scenario = PushScenario.start(n, false)) {
            Meter meter = new Meter(scenario);
            BareDav dav = new BareDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            Trainer first = scenario.trainerWithBookings();
            Measured<PushScenario.Leg> cold = meter.measure(() -> scenario.pushAllFromConnect(first));
            verify(dav, cold.result().calendar(), n);
            Measured<Duration> syncNow = meter.measure(scenario::pushAll);
            verify(dav, scenario.calendar, n);
            Trainer third = scenario.trainerWithBookings();
            Measured<PushScenario.Leg> connect = meter.measure(() -> scenario.pushAllFromConnect(third));
            verify(dav, connect.result().calendar(), n);

            out.printf("bookings                 %d (sync threads %d, workers per connection 2)%n", n, threads);
            out.printf("cold JVM, from connect   %s   %s%n%s%n", rate(cold.took(), n), cold.cpu(n), cold.threads(n));
            out.print(cold.requests());
            out.printf("spotter from \"sync now\"  %s   %s%n%s%n", rate(syncNow.took(), n), syncNow.cpu(n),
                    syncNow.threads(n));
            out.print(syncNow.requests());
            out.printf("spotter from connect     %s   %s%n%s%n", rate(connect.took(), n), connect.cpu(n),
                    connect.threads(n));
            out.print(connect.requests());
            // byte-identical objects: Spotter's own stored bodies, fetched untimed
            Map<String, byte[]> objects = BareUpload.download(dav, scenario.calendar, threads);
            Duration floor = null;
            for (int concurrency : BARE_CONCURRENCY) {
                URI bareCalendar = dav.newCalendar(scenario.radicale.baseUrl(), CalDavServerProcess.USER);
                Measured<Duration> bare = meter.measure(() -> BareUpload.run(dav, bareCalendar, objects,
                        concurrency));
                verify(dav, bareCalendar, n);
                out.printf("bare client, %d at a time %s   %s%n", concurrency, rate(bare.took(), n), bare.cpu(n));
                out.print(bare.requests());
                floor = floor == null || bare.took().compareTo(floor) < 0 ? bare.took() : floor;
            }
            out.printf("ratio spotter/floor      %.2f from \"sync now\", %.2f from connect (target <= 1.10); "
                    + "cold JVM %.2f%n", seconds(syncNow.took()) / seconds(floor),
                    seconds(connect.took()) / seconds(floor), seconds(cold.took()) / seconds(floor));
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

package app.spotter.bench;

import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Target: a bulk push of 1,000 bookings to Radicale within 1.15x of a bare client PUTting the same objects at the
 * same concurrency, in one run. Radicale's PUT cost grows with the collection's size, so every leg writes into a
 * fresh, empty collection of the same server process. Then vdirsyncer uploads the same objects, for comparison.
 */
public final class BulkPushBenchmark implements Benchmark {

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
            Duration spotter = scenario.pushAll();
            BareDav dav = new BareDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            int onServer = dav.members(scenario.calendar).size();
            if (onServer != n) {
                throw new IllegalStateException("Radicale holds " + onServer + " of " + n + " events");
            }
            // byte-identical objects: Spotter's own stored bodies, fetched untimed
            Map<String, byte[]> objects = BareUpload.download(dav, scenario.calendar, threads);
            URI bareCalendar = dav.newCalendar(scenario.radicale.baseUrl(), CalDavServerProcess.USER);
            Duration bare = BareUpload.run(dav, bareCalendar, objects, threads);
            verify(dav, bareCalendar, n);

            PushScenario.Leg connect = scenario.pushAllFromConnect();
            verify(dav, connect.calendar(), n);

            out.printf("bookings                 %d (sync threads = bare client concurrency = %d)%n", n, threads);
            out.printf("spotter bulk push        %s (from \"sync now\")%n", rate(spotter, n));
            out.printf("spotter from connect     %s (connect request to the last event stored)%n",
                    rate(connect.took(), n));
            out.printf("bare client PUTs         %s%n", rate(bare, n));
            out.printf("ratio spotter/bare       %.2f from \"sync now\", %.2f from connect (target <= 1.10)%n",
                    seconds(spotter) / seconds(bare), seconds(connect.took()) / seconds(bare));
            if (VdirsyncerUpload.installed()) {
                URI vdirCalendar = dav.newCalendar(scenario.radicale.baseUrl(), CalDavServerProcess.USER);
                Duration vdirsyncer = VdirsyncerUpload.run(vdirCalendar, objects);
                verify(dav, vdirCalendar, n);
                out.printf("vdirsyncer sync          %s (one upload at a time)%n", rate(vdirsyncer, n));
                out.printf("ratio spotter/vdirsyncer %.2f%n", seconds(spotter) / seconds(vdirsyncer));
            } else {
                out.println("vdirsyncer               not installed (apt-get install vdirsyncer)");
            }
        }
    }

    private static void verify(BareDav dav, URI calendar, int n) {
        int count = dav.members(calendar).size();
        if (count != n) {
            throw new IllegalStateException(calendar + " holds " + count + " of " + n + " events");
        }
    }

    static String rate(Duration d, int n) {
        return "%.2f s (%.0f events/s)".formatted(seconds(d), n / seconds(d));
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

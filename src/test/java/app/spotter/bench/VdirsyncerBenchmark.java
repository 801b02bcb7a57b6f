package app.spotter.bench;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * vdirsyncer (Debian package) uploading N calendar objects, rendered by Spotter's own {@link CalendarObjects}, from
 * a filesystem storage into a fresh Radicale collection, beside the bare client at concurrency 1 (what vdirsyncer
 * does) and at Spotter's concurrency. No Spotter process: bulk-push runs the same comparison with Spotter's own
 * stored objects and its push on the same server.
 */
public final class VdirsyncerBenchmark implements Benchmark {

    @Override
    public String name() {
        return "vdirsyncer";
    }

    @Override
    public String description() {
        return "N objects to Radicale with vdirsyncer sync vs bare client (no Spotter)";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        if (!VdirsyncerUpload.installed()) {
            out.println("vdirsyncer not installed (scripts/bench installs it with apt-get)");
            return;
        }
        int n = BenchConfig.bookings();
        Map<String, byte[]> objects = objects(n);
        try (CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE)) {
            BareDav dav = new BareDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            URI vdir = dav.newCalendar(radicale.baseUrl(), CalDavServerProcess.USER);
            var vdirsyncer = VdirsyncerUpload.run(vdir, objects);
            var bare1 = BareUpload.run(dav, dav.newCalendar(radicale.baseUrl(), CalDavServerProcess.USER), objects, 1);
            int threads = BenchConfig.syncThreads();
            var bareN = BareUpload.run(dav, dav.newCalendar(radicale.baseUrl(), CalDavServerProcess.USER), objects,
                    threads);
            int uploaded = dav.members(vdir).size();
            out.printf("objects                  %d (rendered by CalendarObjects)%n", n);
            out.printf("vdirsyncer sync          %s, %d on the server%n", BulkPushBenchmark.rate(vdirsyncer, n),
                    uploaded);
            out.printf("bare client, 1 at a time %s%n", BulkPushBenchmark.rate(bare1, n));
            out.printf("bare client, %d at a time %s%n", threads, BulkPushBenchmark.rate(bareN, n));
        }
    }

    /** N one-hour sessions in Johannesburg, as Spotter renders them for CalDAV; names are {@code <hex>.ics}. */
    static Map<String, byte[]> objects(int n) {
        CalendarObjects render = new CalendarObjects(Clock.systemUTC());
        ZoneId zone = ZoneId.of("Africa/Johannesburg");
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            Instant start = Trainer.FIRST_SLOT.toInstant().plusSeconds(3600L * i);
            CalendarEvent event = new CalendarEvent(id, UUID.randomUUID(), UUID.randomUUID(), id + "@spotter.app",
                    "1:1 session · Naledi Dube", SessionType.ONE_ON_ONE, null, start, start.plusSeconds(2700), zone,
                    null, 0, false);
            objects.put(event.bookingHex() + ".ics", render.storedObject(event).getBytes(StandardCharsets.UTF_8));
        }
        return objects;
    }
}

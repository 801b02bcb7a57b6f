package app.spotter.bench;

import app.spotter.support.ApiClient;
import app.spotter.support.FaultyProxy;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13: a trainer with 30 weekly series over a year (52 sessions each), synced to Radicale through a counting
 * proxy. Measures the time to create them through the API, the requests Radicale receives (target: one PUT per
 * series), then one moved and one cancelled session in each of 10 series (target: one PUT per exception).
 */
public final class SeriesBenchmark implements Benchmark {

    private static final int SERIES = 30;
    private static final int EXCEPTIONS = 10;
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR"};

    @Override
    public String name() {
        return "series";
    }

    @Override
    public String description() {
        return "30 weekly series over a year: time to create, PUTs per calendar (series + exceptions)";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dataDir = TempDirs.create("spotter-bench-series-");
        CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
        try (FaultyProxy proxy = new FaultyProxy(radicale.baseUrl());
                SpotterProcess spotter = SpotterProcess.start(dataDir, List.of())) {
            Trainer trainer = Trainer.signUp(spotter.port());
            trainer.connectApple(proxy.uri());
            proxy.record();
            ApiClient api = trainer.api;
            LocalDate monday = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusWeeks(1)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<String> seriesIds = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < SERIES; i++) {
                String client = api.createClient("Client", "No " + i, "client" + i + "@example.com");
                LocalDate day = monday.plusDays(i % DAYS.length);
                String start = day + "T" + "%02d:00:00+02:00".formatted(6 + i / DAYS.length);
                var r = api.post("/api/v1/bookings", """
                        {"client_id":"%s","starts_at":"%s","duration_minutes":45,
                         "recurrence":{"frequency":"weekly","days":["%s"],"count":52}}"""
                        .formatted(client, start, DAYS[i % DAYS.length]));
                if (r.status() != 201) {
                    throw new IllegalStateException("series " + i + ": " + r.status() + " " + r.body());
                }
                seriesIds.add(r.json().get("series_id").stringValue());
            }
            Duration create = Duration.ofNanos(System.nanoTime() - started);
            await(() -> puts(proxy) >= SERIES, "one PUT per series");
            Duration synced = Duration.ofNanos(System.nanoTime() - started);
            int putsAfterCreate = puts(proxy);
            int requestsAfterCreate = proxy.exchanges().size();

            for (int i = 0; i < EXCEPTIONS; i++) {
                var sessions = api.get("/api/v1/series/" + seriesIds.get(i)).json().get("sessions");
                String moveId = sessions.get(5).get("id").stringValue();
                String movedTo = sessions.get(5).get("starts_at").stringValue().replace(":00:00+", ":30:00+");
                api.patch("/api/v1/bookings/" + moveId, "{\"starts_at\":\"" + movedTo + "\"}");
                api.post("/api/v1/bookings/" + sessions.get(8).get("id").stringValue() + "/cancel", null);
            }
            await(() -> puts(proxy) >= putsAfterCreate + EXCEPTIONS, "the exceptions' PUTs");
            // let coalesced or late work finish before counting
            Sleep.millis(3000);
            int putsAfterExceptions = puts(proxy) - putsAfterCreate;

            out.printf("series                   %d weekly series x 52 sessions (%d sessions), 26 weeks stored ahead%n",
                    SERIES, SERIES * 52);
            out.printf("create (API)             %.2f s (%.0f ms per series)%n", create.toNanos() / 1e9,
                    create.toMillis() / (double) SERIES);
            out.printf("created and in Radicale  %.2f s%n", synced.toNanos() / 1e9);
            out.printf("PUTs for the series      %d (target %d: one per series); requests in all %d%n",
                    putsAfterCreate, SERIES, requestsAfterCreate);
            out.printf("PUTs for %d exceptions   %d (%d series, one moved + one cancelled session each; "
                    + "a series' changes coalesce into one PUT when they arrive together)%n", 2 * EXCEPTIONS,
                    putsAfterExceptions, EXCEPTIONS);
            out.printf("load average             %s", Files.readString(Path.of("/proc/loadavg")));
        } finally {
            radicale.close();
            TempDirs.delete(dataDir);
        }
    }

    private static int puts(FaultyProxy proxy) {
        return (int) proxy.exchanges().stream().filter(e -> e.method().equals("PUT")).count();
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not seen within " + LIMIT);
            }
            Sleep.millis(100);
        }
    }

}

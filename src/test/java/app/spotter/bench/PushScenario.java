package app.spotter.bench;

import app.spotter.support.FaultyProxy;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The shared set-up of the push benchmarks: Radicale, Spotter (child process, fresh embedded PostgreSQL), one
 * trainer on "manual" with Apple connected to Radicale (optionally through a counting proxy), and N bookings
 * created through the API and waiting for "sync now". Nothing is pushed before {@link #pushAll} starts the clock.
 */
final class PushScenario implements AutoCloseable {

    /** A bulk push that takes longer than this is a failed run (the bound every benchmark keeps). */
    private static final Duration PUSH_LIMIT = Duration.ofMinutes(15);

    final CalDavServerProcess radicale;
    final SpotterProcess spotter;
    final FaultyProxy proxy;
    final Trainer trainer;
    /** The calendar's URL on Radicale itself (not through the proxy). */
    final URI calendar;
    final int bookings;
    private final Path dataDir;

    private PushScenario(CalDavServerProcess radicale, SpotterProcess spotter, FaultyProxy proxy, Trainer trainer,
            URI calendar, int bookings, Path dataDir) {
        this.radicale = radicale;
        this.spotter = spotter;
        this.proxy = proxy;
        this.trainer = trainer;
        this.calendar = calendar;
        this.bookings = bookings;
        this.dataDir = dataDir;
    }

    static PushScenario start(int bookings, boolean throughProxy) throws Exception {
        CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
        Path dataDir = TempDirs.create("spotter-bench-data-");
        SpotterProcess spotter = null;
        FaultyProxy proxy = null;
        try {
            // no periodic rounds: each trainer left connected by an earlier leg would otherwise get one every 5
            // minutes, a REPORT over its 1,000 events landing in whichever later leg (bare client's included) it
            // meets; the rounds measured here are the ones "sync now" asks for
            spotter = SpotterProcess.start(dataDir, List.of("spotter.sync.threads=" + BenchConfig.syncThreads(),
                    "spotter.sync.round-interval=PT24H"));
            proxy = throughProxy ? new FaultyProxy(radicale.baseUrl()) : null;
            Waiting first = manualTrainerWithBookings(radicale, spotter, proxy, bookings);
            return new PushScenario(radicale, spotter, proxy, first.trainer(), first.calendar(), bookings, dataDir);
        } catch (Exception | Error e) {
            close(radicale, spotter, proxy, dataDir);
            throw e;
        }
    }

    /**
     * "Sync now", then waits until Spotter has recorded every booking as stored: Spotter counts a booking in
     * events_synced only after the server answered its PUT, so this polls Spotter's cheap status (every 50 ms)
     * rather than loading the very server being measured with PROPFINDs. The server's view is checked after.
     */
    Duration pushAll() {
        return pushAll(trainer);
    }

    /** "Sync now" of {@code who} (a trainer on "manual" with bookings waiting), timed until every one is stored. */
    Duration pushAll(Trainer who) {
        long started = System.nanoTime();
        who.syncNow();
        awaitStored(who, started, "bulk push");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * One more trainer like the first: on "manual", Apple connected to a fresh calendar of the same Radicale, N
     * bookings waiting for "sync now" (untimed).
     */
    Waiting manualTrainerWithBookings() throws Exception {
        return manualTrainerWithBookings(radicale, spotter, proxy, bookings);
    }

    private static Waiting manualTrainerWithBookings(CalDavServerProcess radicale, SpotterProcess spotter,
            FaultyProxy proxy, int bookings) throws Exception {
        Trainer trainer = Trainer.signUp(spotter.port());
        // manual before connecting: connecting reconciles everything at the trainer's frequency
        trainer.syncFrequency("manual");
        URI seen = trainer.connectApple(proxy == null ? radicale.baseUrl() : proxy.uri());
        trainer.createBookings(bookings, 8);
        return new Waiting(trainer, radicale.baseUrl().resolve(seen.getRawPath()));
    }

    /** A trainer whose bookings wait for "sync now", and the calendar they go to (its URL on Radicale). */
    record Waiting(Trainer trainer, URI calendar) {}

    /** A second trainer (realtime, the default) who booked as many sessions with no calendar connected (untimed). */
    Trainer trainerWithBookings() throws Exception {
        Trainer second = Trainer.signUp(spotter.port());
        second.createBookings(bookings, 8);
        return second;
    }

    /**
     * The other way a bulk push starts: {@code second} ({@link #trainerWithBookings}) connects Apple; timed from the
     * connect request (discovery and the new calendar included) until Spotter counts every booking stored there. A
     * fresh calendar on the same Radicale, so its PUTs start from an empty collection as the other legs' do.
     *
     * @return the time, and the new calendar's URL on Radicale for checking and comparing
     */
    Leg pushAllFromConnect(Trainer second) throws Exception {
        long started = System.nanoTime();
        URI seen = second.connectApple(proxy == null ? radicale.baseUrl() : proxy.uri());
        awaitStored(second, started, "bulk push from connect");
        return new Leg(Duration.ofNanos(System.nanoTime() - started), radicale.baseUrl().resolve(seen.getRawPath()));
    }

    /**
     * Waits until Spotter counts every booking stored. Each look is a request Spotter serves on the same two cores
     * as the push it measures (a poll every 50 ms cost a fifth of Spotter's CPU in a 300-booking push), so it looks
     * rarely while much remains (a quarter of the time the rate so far says is left) and every 20 ms near the end.
     */
    private void awaitStored(Trainer who, long started, String what) {
        long deadline = started + PUSH_LIMIT.toNanos();
        int stored;
        while ((stored = who.eventsSynced()) < bookings) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not done within " + PUSH_LIMIT);
            }
            double elapsedMs = (System.nanoTime() - started) / 1e6;
            double remainingMs = stored == 0 ? 1000 : elapsedMs * (bookings - stored) / stored;
            Sleep.millis((long) Math.max(20, Math.min(500, remainingMs / 4)));
        }
    }

    record Leg(Duration took, URI calendar) {}

    /**
     * Waits until the server has been idle for 5 s, at most 60 s: a "sync now" leg's own round runs a few seconds
     * after its last PUT (it waits while pushes are queued, then 1-3 s), and a leg started before it would pay for
     * it. Untimed, between legs.
     */
    void awaitServerIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        CpuTime before = CpuTime.of(radicale.pid());
        int idleHalfSeconds = 0;
        while (idleHalfSeconds < 10 && System.nanoTime() < deadline) {
            Sleep.millis(500);
            CpuTime now = CpuTime.of(radicale.pid());
            idleHalfSeconds = now.minus(before).ownMs() <= 10 ? idleHalfSeconds + 1 : 0;
            before = now;
        }
    }

    @Override
    public void close() {
        close(radicale, spotter, proxy, dataDir);
    }

    private static void close(CalDavServerProcess radicale, SpotterProcess spotter, FaultyProxy proxy, Path dataDir) {
        if (spotter != null) {
            spotter.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        radicale.close();
        TempDirs.delete(dataDir);
    }
}

package app.spotter.availability;

import app.spotter.sync.BusyRead;
import app.spotter.sync.ExternalCalendar;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.engine.CalendarSync;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored busy intervals current: lists the accounts' calendars (one request per account, which also
 * tells each calendar's version), and reads only the busy ones whose version changed since the last read. A read
 * that fails keeps the old intervals and records why, so bookings are then allowed with a warning, never silently.
 * No database transaction is open while a calendar is asked.
 */
@Component
class BusyRefresh {

    /** Busy times are read for this far ahead; slots and conflicts further out see none. */
    static final Duration WINDOW = Duration.ofDays(90);
    /** Before a booking, intervals read this recently count as current. */
    static final Duration FRESH = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(BusyRefresh.class);

    private final CalendarSync sync;
    private final BusyStore store;
    private final Clock clock;
    private final app.spotter.trainer.Trainers trainers;

    private final Duration wait;
    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> reading = new ConcurrentHashMap<>();
    /** Reads wait on the network, not the CPU: a virtual thread each. */
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    BusyRefresh(CalendarSync sync, BusyStore store, Clock clock, app.spotter.trainer.Trainers trainers,
            @Value("${spotter.availability.refresh-wait:PT5S}") Duration wait) {
        this.wait = wait;
        this.sync = sync;
        this.store = store;
        this.clock = clock;
        this.trainers = trainers;
    }

    /**
     * Refreshes when any busy calendar was last read longer ago than {@link #FRESH} (or never), waiting for it at
     * most {@code spotter.availability.refresh-wait} (5 s): a calendar server that hangs would otherwise hold the
     * booking for its whole deadline (30 s). The read goes on without the booking, which is then checked against
     * the busy times read before and says so ({@link #stillReading}). One read per trainer at a time.
     */
    void refreshIfStale(UUID trainerId) {
        Instant now = clock.instant();
        List<BusyCalendar> known = store.calendars(trainerId);
        boolean stale = known.stream().filter(c -> c.busy() && !c.spotterCalendar())
                .anyMatch(c -> c.lastRead() == null || c.lastRead().isBefore(now.minus(FRESH)));
        if (stale || (known.isEmpty() && hasCalendarAccount(trainerId))) {
            CompletableFuture<Void> read = reading.compute(trainerId, (id, running) -> running != null
                    && !running.isDone() ? running : CompletableFuture.runAsync(() -> refresh(id), readers));
            // a read that ends before compute() stored it would leave a done future behind: only done ones go
            read.whenComplete((done, failure) -> reading.remove(trainerId, read));
            try {
                read.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                log.info("busy times of trainer {} still being read after {}; booking checked without waiting",
                        trainerId, wait);
            } catch (ExecutionException failed) {
                log.warn("busy times of trainer {} could not be refreshed", trainerId, failed.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a read of this trainer's busy calendars is still going on (a booking did not wait for it). */
    boolean stillReading(UUID trainerId) {
        CompletableFuture<Void> read = reading.get(trainerId);
        return read != null && !read.isDone();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    private boolean hasCalendarAccount(UUID trainerId) {
        // cheap: no remote call unless a connected provider has calendars at all
        return !sync.status(trainerId).isEmpty();
    }

    /** Lists every account's calendars and reads the busy ones that changed. */
    void refresh(UUID trainerId) {
        Instant now = clock.instant();
        Map<String, ExternalCalendar> listed = new HashMap<>();
        Set<String> failedProviders = new HashSet<>();
        Map<String, String> failures = new HashMap<>();
        List<String> providers = new ArrayList<>();
        for (app.spotter.sync.AccountCalendars account : sync.calendars(trainerId)) {
            String provider = account.provider().value();
            providers.add(provider);
            if (account.error() != null) {
                failedProviders.add(provider);
                failures.put(provider, account.error());
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (ExternalCalendar c : account.calendars()) {
                store.remember(trainerId, provider, c.id(), name(c), c.primary(), c.spotters());
                listed.put(provider + " " + c.id(), c);
                ids.add(c.id());
            }
            store.forgetOthers(trainerId, provider, ids);
        }
        store.forgetProvidersOtherThan(trainerId, providers);
        Instant to = now.plus(WINDOW);
        for (BusyCalendar calendar : store.calendars(trainerId)) {
            if (!calendar.busy() || calendar.spotterCalendar()) {
                continue;
            }
            if (failedProviders.contains(calendar.provider())) {
                store.failed(trainerId, calendar.id(), failures.get(calendar.provider()));
                continue;
            }
            ExternalCalendar external = listed.get(calendar.provider() + " " + calendar.externalId());
            if (external == null) {
                continue;
            }
            if (external.version() != null && external.version().equals(calendar.readState())
                    && calendar.readError() == null) {
                store.unchanged(trainerId, calendar.id(), now);
                continue;
            }
            read(trainerId, calendar, external, now, to);
        }
    }

    private void read(UUID trainerId, BusyCalendar calendar, ExternalCalendar external, Instant from, Instant to) {
        Provider provider = Provider.fromValue(calendar.provider()).orElseThrow();
        try {
            BusyRead read = sync.busy(trainerId, external, provider, from, to, trainers.zone(trainerId));
            List<BusyTime> intervals = read.intervals().stream()
                    .map(b -> new BusyTime(b.start(), b.end(), calendar.id(), b.allDay())).toList();
            store.replace(trainerId, calendar.id(), intervals, read.version(), from);
        } catch (SyncFailure failure) {
            log.info("busy times of calendar {} could not be read: {}", calendar.id(), failure.getMessage());
            store.failed(trainerId, calendar.id(), failure.getMessage());
        }
    }

    private static String name(ExternalCalendar c) {
        String name = c.name() == null || c.name().isBlank() ? "Calendar" : c.name().strip();
        return name.length() > 500 ? name.substring(0, 500) : name;
    }
}

package app.spotter.sync.engine;

import app.spotter.sync.ContentHash;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;
import app.spotter.sync.store.Mirror;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.preferences.CalendarView;
import app.spotter.preferences.SyncFrequency;
import app.spotter.preferences.SyncPreferences;
import app.spotter.sync.caldav.ModelCalDavServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever sequence of booking changes (times, places, cancellations and restorations, deletions,
 * clients joining and leaving group sessions, names shown or hidden) happens while the calendar server fails
 * writes, races us (412), answers 5xx and loses responses after applying them, once the faults stop and the
 * pending work has run, the server holds exactly the bookings that are scheduled, each once, byte for byte as
 * Spotter renders them now, and Spotter's mirror agrees with the server. Changes made in the trainer's calendar
 * are {@link RemoteChangesAgreeWithAModelCalendarIT}'s (the round needs the booking module). Runs the real {@link ReconcileDecision}, {@link ProviderStep} and CalDAV
 * provider/client/transport against an in-memory model server ({@link ModelCalDavServer}); no I/O.
 *
 * <p>Like the job, a step that answers "retry later" keeps the booking pending, anything else clears it. Replay a
 * failing case with {@code -Dtest='ReconciliationAgreesWithAModelCalendarTest' -Dspotter.seed=<seed>}.
 */
class ReconciliationAgreesWithAModelCalendarTest {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final Instant BASE = Instant.parse("2026-12-01T07:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private static final UUID TRAINER = new UUID(1, 1);
    private static final String CALENDAR = "http://model.test/trainer/calendars/spotter/";
    private static final Map<String, Integer> FAULTS = new TreeMap<>();
    private static int operations;

    static LongStream seeds() {
        String replay = System.getProperty("spotter.seed");
        return replay != null ? LongStream.of(Long.parseLong(replay))
                : LongStream.range(0, 200);
    }

    /** One booking as the model holds it. */
    private static final class ModelBooking {
        final UUID id;
        Instant start;
        String location = "Sea Point";
        boolean cancelled;
        boolean deleted;
        int sequence;
        /** A group session (capacity 8) whose clients come and go; otherwise a 1:1 session with one client. */
        final boolean group;
        final List<String> participants = new ArrayList<>(List.of(ROSTER.getFirst()));
        /** A weekly series of this many sessions on the start's weekday (0: a single session). */
        int count;
        final java.util.TreeSet<Instant> excluded = new java.util.TreeSet<>();
        final java.util.TreeMap<Instant, Instant> moved = new java.util.TreeMap<>();

        ModelBooking(UUID id, Instant start, boolean group) {
            this.id = id;
            this.start = start;
            this.group = group;
        }
    }

    /** The trainer's clients that group sessions draw from. */
    private static final List<String> ROSTER = List.of("Naledi Dube", "Ann Bee", "Cas Dee", "Dineo Ebrahim",
            "Emma Fourie", "Farah Gqola", "Gugu Hadebe", "Hannah Isaacs", "Ivan Jacobs", "Jade Khumalo");

    private final Map<UUID, ModelBooking> bookings = new LinkedHashMap<>();
    private final Set<UUID> pending = new LinkedHashSet<>();
    private final InMemoryMirrors mirrors = new InMemoryMirrors();
    private final InMemoryStatus status = new InMemoryStatus();
    private boolean showNames = true;
    private boolean seriesMode;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void afterTheFaultsStopTheCalendarHoldsExactlyTheScheduledBookings(long seed) {
        run(seed);
    }

    /**
     * The same property for series (each one calendar object): created, sessions cancelled (EXDATE) or moved
     * (RECURRENCE-ID), whole series cancelled, under the same faults.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void afterTheFaultsStopTheCalendarHoldsExactlyTheScheduledSeriesEachAsOneObject(long seed) {
        seriesMode = true;
        run(seed);
    }

    /** Reached too rarely by the sequences (two lost answers in a row): Spotter's own removal is not the trainer's. */
    @org.junit.jupiter.api.Test
    void aRestoredSessionWhoseRemovalLostItsAnswersIsCreatedAgainNotTakenForADeletionThere() {
        ModelCalDavServer server = new ModelCalDavServer(new Random(7));
        ProviderStep step = step(server);
        ModelBooking b = new ModelBooking(new UUID(2, 1), BASE, false);
        bookings.put(b.id, b);
        String path = "/trainer/calendars/spotter/" + b.id.toString().replace("-", "") + ".ics";
        assertThat(reconcile(step, b)).isEqualTo(StepResult.SETTLED);

        touch(b, () -> b.cancelled = true);
        server.loseResponses(2); // the removal and the transport's one retry
        assertThat(reconcile(step, b)).as("the removal's answer was lost").isInstanceOf(StepResult.RetryIn.class);
        assertThat(server.objects()).as("yet the calendar removed it").doesNotContainKey(path);

        touch(b, () -> b.cancelled = false);
        assertThat(reconcile(step, b)).isEqualTo(StepResult.SETTLED);
        assertThat(server.objects()).as("the restored session is in the calendar again").containsKey(path);
        assertThat(mirrors.rows.get(b.id).removedThere()).as("flagged as deleted by the trainer").isFalse();
    }

    private StepResult reconcile(ProviderStep step, ModelBooking b) {
        return step.reconcile(TRAINER, b.id, Provider.APPLE, desired(b), preferences(), 0);
    }

    private ProviderStep step(ModelCalDavServer server) {
        OneActiveConnection connection = new OneActiveConnection();
        // this model is about what reconciliation leaves on the server; the breaker never parks here
        // (BreakerDecisionTest and CircuitBreakerIT cover parking)
        Breaker breaker = new Breaker(connection, null, status, null, CLOCK, Integer.MAX_VALUE,
                Duration.ofSeconds(30), Duration.ofMinutes(30));
        return new ProviderStep(connection, mirrors, status,
                new ProviderRegistry(List.of(server.provider(CLOCK)), List.of(), List.of()), breaker,
                org.mockito.Mockito.mock(app.spotter.booking.BookingActivity.class), CLOCK);
    }

    private void run(long seed) {
        Random random = new Random(seed);
        ModelCalDavServer server = new ModelCalDavServer(random);
        ProviderStep step = step(server);
        try {
            server.faults(true);
            int length = 20 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(10) < 6) {
                    work(step, random, 1 + random.nextInt(4));
                } else {
                    change(random);
                }
            }
            server.faults(false);
            for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
                work(step, random, pending.size());
            }
            assertAgreement(server);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (replay with -Dspotter.seed=" + seed + "): " + e.getMessage(),
                    e);
        } finally {
            synchronized (FAULTS) {
                server.injected.forEach((k, v) -> FAULTS.merge(k, v, Integer::sum));
                operations += bookings.size();
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[model calendar] bookings and series " + operations + ", faults injected " + FAULTS);
    }

    private void change(Random random) {
        List<ModelBooking> live = bookings.values().stream().filter(b -> !b.deleted).toList();
        int op = live.isEmpty() ? 0 : random.nextInt(8);
        ModelBooking b = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        if (seriesMode) {
            // series operations only, none of which can bring an object back to an earlier content (see report)
            op = live.isEmpty() || random.nextInt(4) == 0 ? 8 : random.nextInt(3) == 0 ? 3 : 9;
            if (op != 8 && b.count == 0) {
                op = 8;
            }
        }
        switch (op) {
            case 0 -> {
                ModelBooking created = new ModelBooking(new UUID(2, bookings.size() + 1),
                        BASE.plus(Duration.ofHours(random.nextInt(500))), random.nextBoolean());
                bookings.put(created.id, created);
                pending.add(created.id);
            }
            case 1 -> touch(b, () -> b.start = b.start.plus(Duration.ofMinutes(30 * (1 + random.nextInt(8)))));
            case 2 -> touch(b, () -> b.location = "Room " + random.nextInt(5));
            // a cancelled single session is restored (Bookings.restore); a cancelled series stays cancelled
            case 3 -> touch(b, () -> b.cancelled = seriesMode || !b.cancelled);
            case 4 -> touch(b, () -> b.deleted = true);
            case 5 -> {
                // a participant joins a group that has room (a full group or a 1:1 session refuses: no change)
                List<String> free = ROSTER.stream().filter(n -> !b.participants.contains(n)).toList();
                if (b.group && !b.cancelled && b.participants.size() < 8) {
                    touch(b, () -> b.participants.add(free.get(random.nextInt(free.size()))));
                }
            }
            case 6 -> {
                // a participant leaves; a session keeps at least one client
                if (b.group && !b.cancelled && b.participants.size() > 1) {
                    touch(b, () -> b.participants.remove(random.nextInt(b.participants.size())));
                }
            }
            case 8 -> {
                // a series: one calendar object for all its sessions (RRULE, EXDATE, RECURRENCE-ID)
                ModelBooking created = new ModelBooking(new UUID(2, bookings.size() + 1),
                        BASE.plus(Duration.ofHours(random.nextInt(500))), false);
                created.count = 2 + random.nextInt(10);
                bookings.put(created.id, created);
                pending.add(created.id);
            }
            case 9 -> {
                // one session of a series cancelled (EXDATE) or moved (override), as PATCH/cancel on a session does
                Instant occurrence = b.start.plus(Duration.ofDays(7L * random.nextInt(b.count)));
                if (random.nextBoolean()) {
                    touch(b, () -> {
                        b.excluded.add(occurrence);
                        b.moved.remove(occurrence);
                    });
                } else if (!b.excluded.contains(occurrence)) {
                    // always later than before: a move never brings back an earlier content
                    Instant from = b.moved.getOrDefault(occurrence, occurrence);
                    touch(b, () -> b.moved.put(occurrence, from.plus(Duration.ofMinutes(5 * (1 + random.nextInt(4))))));
                }
            }
            default -> {
                showNames = !showNames;
                live.forEach(l -> touch(l, () -> {}));
            }
        }
    }

    private void touch(ModelBooking b, Runnable change) {
        change.run();
        b.sequence++;
        pending.add(b.id);
    }

    /** Runs reconciliation for up to {@code count} pending bookings, as the scheduler would. */
    private void work(ProviderStep step, Random random, int count) {
        List<UUID> due = new ArrayList<>(pending);
        java.util.Collections.shuffle(due, random);
        for (UUID id : due.subList(0, Math.min(count, due.size()))) {
            StepResult result = step.reconcile(TRAINER, id, Provider.APPLE, desired(bookings.get(id)),
                    preferences(), 0);
            if (result instanceof StepResult.Settled) {
                pending.remove(id);
            }
        }
    }

    private CalendarEvent desired(ModelBooking b) {
        if (b.deleted) {
            return null;
        }
        if (b.count == 0) {
            SessionType type = b.group ? SessionType.GROUP : SessionType.ONE_ON_ONE;
            return new CalendarEvent(b.id, TRAINER, new UUID(3, 3), b.id + "@spotter.app",
                    CalendarObjects.summaryFor(type, b.participants, type.defaultCapacity(), showNames), type, b.location,
                    b.start, b.start.plus(Duration.ofHours(1)), JOBURG, "#1E90FF", b.sequence, b.cancelled);
        }
        String summary = showNames ? "1:1 session · Naledi Dube" : "1:1 session";
        List<app.spotter.calendar.Repeating.Override> overrides = b.moved.entrySet().stream()
                .map(m -> new app.spotter.calendar.Repeating.Override(m.getKey(), new CalendarEvent(b.id, TRAINER,
                        new UUID(3, 3), b.id + "@spotter.app", summary, SessionType.ONE_ON_ONE, b.location,
                        m.getValue(), m.getValue().plus(Duration.ofHours(1)), JOBURG, "#1E90FF", b.sequence, false)))
                .toList();
        return new CalendarEvent(b.id, TRAINER, new UUID(3, 3), b.id + "@spotter.app", summary,
                SessionType.ONE_ON_ONE, b.location, b.start, b.start.plus(Duration.ofHours(1)), JOBURG, "#1E90FF",
                b.sequence, b.cancelled, new app.spotter.calendar.Repeating(1,
                        List.of(b.start.atZone(JOBURG).getDayOfWeek()), null, b.count, List.copyOf(b.excluded),
                        overrides));
    }

    private SyncPreferences preferences() {
        return new SyncPreferences(TRAINER, false, true, false, SyncFrequency.REALTIME, CalendarView.MONTH, showNames,
                Map.of(), JOBURG);
    }

    private void assertAgreement(ModelCalDavServer server) {
        CalendarObjects objects = new CalendarObjects(CLOCK);
        Map<String, ModelBooking> scheduled = bookings.values().stream().filter(b -> !b.deleted && !b.cancelled)
                .collect(Collectors.toMap(b -> "/trainer/calendars/spotter/" + b.id.toString().replace("-", "")
                        + ".ics", b -> b));
        Map<String, ModelCalDavServer.Stored> held = server.objects();
        assertThat(pending).as("work still pending after the faults stopped").isEmpty();
        assertThat(held.keySet()).as("objects on the server").containsExactlyInAnyOrderElementsOf(scheduled.keySet());
        // SEQUENCE may lag: a change calendars cannot see (names hidden, then shown again) sends nothing by design
        scheduled.forEach((path, b) -> assertThat(withoutSequence(new String(held.get(path).body(),
                StandardCharsets.UTF_8))).as("object " + path)
                .isEqualTo(withoutSequence(objects.storedObject(desired(b)))));
        scheduled.forEach((path, b) -> {
            String stored = new String(held.get(path).body(), StandardCharsets.UTF_8).replace("\r\n ", "");
            if (b.group) {
                assertThat(stored).as("group " + path).contains("SUMMARY:Group session · " + b.participants.size()
                        + "/8" + (showNames ? " · " + b.participants.getFirst() : "\r\n"));
            }
        });
        assertThat(mirrors.rows.values()).as("rows flagged as deleted by the trainer (nobody deleted anything there)")
                .noneMatch(Mirror::removedThere);
        assertThat(mirrors.rows.keySet()).as("mirror rows")
                .containsExactlyInAnyOrderElementsOf(scheduled.values().stream().map(b -> b.id).toList());
        scheduled.forEach((path, b) -> {
            Mirror m = mirrors.rows.get(b.id);
            assertThat(m.contentHash()).isEqualTo(ContentHash.of(desired(b)));
            if (m.remote().etag() != null) {
                assertThat(m.remote().etag()).as("mirror etag of " + path).isEqualTo(held.get(path).etag());
            }
        });
        assertThat(status.last).as("last status (null: nothing was ever sent)").isIn(null, SyncStatus.OK);
    }

    private static String withoutSequence(String ics) {
        return ics.replaceAll("\r\nSEQUENCE:\\d+", "");
    }

    private static final class OneActiveConnection extends ConnectionStore {
        OneActiveConnection() {
            super(null, null, null);
        }

        @Override
        public Optional<Stored> find(UUID trainerId, Provider provider) {
            return Optional.of(new Stored(new Connection(trainerId, provider,
                    Map.of("server_url", "http://model.test/", "calendar_url", CALENDAR), "pw"), State.ACTIVE, null));
        }

        @Override
        public void markNeedsReconnect(UUID trainerId, Provider provider) {
            throw new AssertionError("no fault in this model asks for a reconnect");
        }

        private int failures;

        @Override
        public Optional<BreakerRow> countFailure(UUID trainerId, Provider provider) {
            return Optional.of(new BreakerRow(++failures, null, 0));
        }

        @Override
        public void closeBreaker(UUID trainerId, Provider provider) {
            failures = 0;
        }
    }

    private static final class InMemoryMirrors extends MirrorStore {
        final Map<UUID, Mirror> rows = new HashMap<>();

        InMemoryMirrors() {
            super(null, List.of());
        }

        @Override
        public Optional<Mirror> find(UUID trainerId, UUID bookingId, Provider provider) {
            return Optional.ofNullable(rows.get(bookingId));
        }

        @Override
        public void save(UUID trainerId, UUID bookingId, Provider provider, RemoteEvent remote, String hash, int sequence) {
            rows.put(bookingId, new Mirror(remote, hash, sequence));
        }

        @Override
        public void reserve(UUID trainerId, UUID bookingId, Provider provider, String externalId) {
            rows.putIfAbsent(bookingId, new Mirror(new RemoteEvent(externalId, null, null), null, 0));
        }

        @Override
        public void markWriting(UUID trainerId, UUID bookingId, Provider provider) {
            rows.computeIfPresent(bookingId, (id, m) -> m.contentHash() == null ? m
                    : new Mirror(m.remote(), MirrorStore.WRITING, m.sequence()));
        }

        @Override
        public void delete(UUID trainerId, UUID bookingId, Provider provider) {
            rows.remove(bookingId);
        }

        @Override
        public void flagRemoved(UUID trainerId, Provider provider, String externalId, Instant at) {
            // only the trainer deletes there, and nobody here does: a flag would be Spotter's own removal mistaken
            rows.replaceAll((id, m) -> m.remote().externalId().equals(externalId)
                    ? new Mirror(m.remote(), m.contentHash(), m.sequence(), true, m.decidedEtag()) : m);
        }
    }

    private static final class InMemoryStatus extends StatusStore {
        String last;

        InMemoryStatus() {
            super(null);
        }

        @Override
        public void ok(UUID trainerId, Provider provider) {
            last = SyncStatus.OK;
        }

        @Override
        public void pushed(UUID trainerId, Provider provider, int delta) {
            last = SyncStatus.OK;
        }

        @Override
        public void failed(UUID trainerId, Provider provider, String status, String message) {
            last = status;
        }
    }
}

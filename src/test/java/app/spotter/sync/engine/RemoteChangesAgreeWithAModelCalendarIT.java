package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingActivity;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingSeries;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Bookings;
import app.spotter.booking.Conflicts;
import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvents;
import app.spotter.calendar.CalendarObjects;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import app.spotter.support.web.ApiProblem;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.caldav.CalendarAppEdits;
import app.spotter.sync.caldav.ModelCalDavServer;
import app.spotter.sync.engine.ModelSessions.Expected;
import app.spotter.sync.engine.ModelSessions.Remote;
import app.spotter.sync.engine.ModelSessions.Session;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.Mirror;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.PendingStore;
import app.spotter.sync.store.StatusStore;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: whatever Spotter does to bookings (book, move, change the place, cancel, restore, delete, put back or
 * cancel a session deleted in the calendar) interleaved with what the trainer does to Spotter's events in their own
 * calendar app (move one to a free time or onto another session, delete one, retitle one) and with pushes and
 * "what changed there?" rounds in any order, once all work has run and a round finds nothing more:
 * <ol>
 *   <li>no booking was lost or cancelled by a change made there: a deleted event leaves its session booked and
 *       flagged, a refused move leaves Spotter's time;</li>
 *   <li>a move there to a free time, with nothing unsent in Spotter, became the booking's time;</li>
 *   <li>the calendar holds exactly Spotter's version of every scheduled, unflagged booking (a title edit is put
 *       back), and nothing of flagged, cancelled or deleted ones;</li>
 *   <li>one more round then changes nothing and adds no notice (Spotter's writes never come back as changes);</li>
 *   <li>each change made there gave at most one notice (exactly one for a put-back or a deletion the round
 *       decided).</li>
 * </ol>
 * Runs Spotter's real engine and booking module on the real database: {@link SyncRound} with
 * {@link RemoteChangeDecision}, {@link ReconcileJob}, {@link ProviderStep}, the CalDAV provider, client and
 * transport, {@link Bookings} with its overlap rule. The calendar is the in-memory {@link ModelCalDavServer}
 * (sync-collection included); the test plays the scheduler (the trainer syncs manually, and the queue the engine is
 * built with only records work), so every sequence is one thread and replayable. Faults are the unit test's
 * business ({@link ReconciliationAgreesWithAModelCalendarTest}). Replay a failing case with
 * {@code -Dit.test='RemoteChangesAgreeWithAModelCalendarIT' -Dspotter.seed=<seed>}.
 */
class RemoteChangesAgreeWithAModelCalendarIT extends SpotterIT {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final String CALENDAR = "http://model.test/trainer/calendars/spotter/";
    private static final Duration LENGTH = ModelSessions.LENGTH;
    private static final Map<String, Integer> TALLY = new TreeMap<>();

    @Autowired Bookings bookings;
    @Autowired Conflicts conflicts;
    @Autowired BookingActivity activity;
    @Autowired BookingSeries series;
    @Autowired Clients clients;
    @Autowired CalendarEvents events;
    @Autowired Preferences preferences;
    @Autowired MirrorStore mirrors;
    @Autowired PendingStore pending;
    @Autowired ConnectionStore connections;
    @Autowired StatusStore status;
    @Autowired CalendarSync sync;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ObjectProvider<SchedulerClient> schedulerClient;
    @Autowired ObjectProvider<Scheduler> scheduler;

    static LongStream seeds() {
        String replay = System.getProperty("spotter.seed");
        // 30 sequences keep the class near 40 s on a busy machine; -Dspotter.sequences=N runs more
        return replay != null ? LongStream.of(Long.parseLong(replay))
                : LongStream.range(0, Long.getLong("spotter.sequences", 30));
    }

    private final ModelSessions model = new ModelSessions();
    private ModelCalDavServer server;
    private SyncRound round;
    private ReconcileJob job;
    private CalendarObjects objects;
    private UUID trainer;
    private UUID client;
    private List<Instant> slots;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changesMadeInTheTrainersCalendarNeverLoseABookingAndTheCalendarEndsInStepWithSpotter(long seed) {
        Random random = new Random(seed);
        try {
            start(random);
            int length = 30 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int draw = random.nextInt(20);
                if (draw < 6) {
                    work(random, 1 + random.nextInt(3));
                } else if (draw < 9) {
                    round();
                } else if (draw < 14) {
                    spotterChanges(random);
                } else {
                    trainerChanges(random);
                }
            }
            settle();
            assertAgreement();
            assertNothingMoreHappens();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (replay with -Dspotter.seed=" + seed + "): " + e.getMessage(),
                    e);
        } finally {
            synchronized (TALLY) {
                TALLY.merge("sessions", model.all().size(), Integer::sum);
                TALLY.merge("changes made there", model.all().stream().mapToInt(s -> s.remoteChanges).sum(),
                        Integer::sum);
            }
        }
    }

    /**
     * Found in review of a flaky XandikosSyncIT run: a push landing while a round reads the trainer's change back
     * left the mirror with the trainer's ETag over Spotter's newer one, so the next round took Spotter's own write
     * for another change made there (a second notice). The model server lands the push at that very moment.
     */
    @org.junit.jupiter.api.Test
    void aPushThatLandsWhileARoundReadsTheTrainersChangeBackIsNotTakenForAnotherChange() {
        start(new Random(3));
        Instant nine = slots.get(6);
        Instant eleven = slots.get(10);
        UUID id = bookings.book(trainer, details(nine, "Sea Point"), false).booking().id();
        model.add(new Session(id, nine));
        drain();
        round.run(trainer, Provider.APPLE);

        bookings.reschedule(trainer, id, details(eleven, "Sea Point"), false);
        String path = model.get(id).path();
        server.trainerEdits(path, ics -> CalendarAppEdits.moved(ics, slots.get(16), LENGTH, JOBURG, false, false));
        server.beforeNextGet(path, () -> job.run(trainer, id, 0));
        round.run(trainer, Provider.APPLE);
        round.run(trainer, Provider.APPLE);
        drain();
        round.run(trainer, Provider.APPLE);

        assertThat(bookings.get(trainer, id).details().startsAt()).as("Spotter's time stands").isEqualTo(eleven);
        assertThat(withoutSequence(new String(server.objects().get(path).body(), StandardCharsets.UTF_8)))
                .as("the calendar holds Spotter's version").isEqualTo(withoutSequence(objects.storedObject(
                        desired(model.get(id)))));
        assertThat(activity.of(trainer, id)).as("one change made there, one notice").hasSize(1);
    }

    private static void tally(String what) {
        synchronized (TALLY) {
            TALLY.merge(what, 1, Integer::sum);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[model calendar, remote changes] " + TALLY);
    }

    /** A fresh trainer syncing manually (no job runs behind the test's back), connected to a fresh model server. */
    private void start(Random random) {
        server = new ModelCalDavServer(random);
        Clock rendering = Clock.fixed(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        objects = new CalendarObjects(rendering);
        ProviderRegistry registry = new ProviderRegistry(List.of(server.provider(rendering)), List.of(), List.of());
        SyncQueue queue = new SyncQueue(pending, schedulerClient, scheduler, clock, jdbc, new Bulkhead(2, clock)) {
            @Override
            void schedule(UUID trainerId, UUID bookingId, Instant due) {
                // the test is the scheduler: the sync_pending row is the work it runs
            }
        };
        Breaker breaker = new Breaker(connections, pending, status, queue, clock, Integer.MAX_VALUE,
                Duration.ofSeconds(30), Duration.ofMinutes(30));
        ProviderStep step = new ProviderStep(connections, mirrors, status, registry, breaker, activity, clock);
        job = new ReconcileJob(pending, bookings, clients, preferences, events, mirrors, step, series);
        round = new SyncRound(connections, mirrors, status, registry, pending, queue, preferences, clock, bookings,
                conflicts, activity);

        ApiClient api = newTrainer();
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        trainer = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        client = UUID.fromString(api.createClient("Naledi", "Dube", null));
        sync.connected(new Connection(trainer, Provider.APPLE,
                Map.of("server_url", "http://model.test/", "calendar_url", CALENDAR), "pw"));
        // half-hour slots over three days, three weeks ahead of the clock: sessions often overlap
        LocalDate day = LocalDate.now(JOBURG).plusDays(21);
        slots = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            for (int half = 0; half < 24; half++) {
                slots.add(day.plusDays(d).atTime(LocalTime.of(6, 0)).atZone(JOBURG).toInstant()
                        .plus(Duration.ofMinutes(30L * half)));
            }
        }
        round(); // the first, full listing
    }

    // ---- Spotter's side -------------------------------------------------------------------------------------

    private void spotterChanges(Random random) {
        List<Session> booked = model.all().stream().filter(Session::scheduled).toList();
        int op = booked.isEmpty() ? 0 : random.nextInt(8);
        Session s = booked.isEmpty() ? null : booked.get(random.nextInt(booked.size()));
        Instant slot = slots.get(random.nextInt(slots.size()));
        switch (op) {
            case 0, 1 -> {
                try {
                    UUID id = bookings.book(trainer, details(slot, "Sea Point"), false).booking().id();
                    model.add(new Session(id, slot));
                } catch (ApiProblem refused) {
                    assertThat(model.overlapping(slot, null))
                            .as("a booking refused at " + slot + ": " + refused.getMessage()).isNotEmpty();
                }
            }
            case 2 -> {
                try {
                    bookings.reschedule(trainer, s.id, details(slot, location(s)), false);
                    s.start = slot;
                } catch (ApiProblem refused) {
                    assertThat(model.overlapping(slot, s)).as("a move refused to " + slot + ": " + refused.getMessage())
                            .isNotEmpty();
                }
            }
            case 3 -> bookings.reschedule(trainer, s.id, details(s.start, "Room " + random.nextInt(4)), false);
            case 4 -> {
                bookings.cancel(trainer, s.id);
                s.cancelled = true;
            }
            case 5 -> {
                bookings.delete(trainer, s.id);
                s.deleted = true;
            }
            case 6 -> {
                Optional<Session> cancelled = model.all().stream().filter(c -> c.cancelled && !c.deleted)
                        .findFirst();
                if (cancelled.isPresent()) {
                    restore(cancelled.get());
                }
            }
            default -> {
                // the trainer's choice for a session deleted in the calendar: put it back, or cancel it
                Optional<Session> flagged = booked.stream().filter(f -> f.flagged).findFirst();
                if (flagged.isPresent() && random.nextBoolean()) {
                    assertThat(sync.putBack(trainer, flagged.get().id, Optional.of(Provider.APPLE)))
                            .as("put back").containsExactly(Provider.APPLE);
                    flagged.get().flagged = false;
                } else if (flagged.isPresent()) {
                    bookings.cancel(trainer, flagged.get().id);
                    flagged.get().cancelled = true;
                } else {
                    assertThat(sync.putBack(trainer, s.id, Optional.of(Provider.APPLE))).as("nothing to put back")
                            .isEmpty();
                }
            }
        }
    }

    private void restore(Session s) {
        try {
            bookings.restore(trainer, s.id);
            s.cancelled = false;
            // a flag outlives the cancellation until its removal is sent; then the restored session is created again
            s.flagged = flagged(s);
        } catch (ApiProblem refused) {
            assertThat(model.overlapping(s.start, s)).as("a restore refused: " + refused.getMessage()).isNotEmpty();
        }
    }

    private String location(Session s) {
        return bookings.get(trainer, s.id).details().location();
    }

    private BookingDetails details(Instant start, String location) {
        return new BookingDetails(client, start, start.plus(LENGTH), SessionType.ONE_ON_ONE, location, null, null);
    }

    /** Runs up to {@code count} bookings' pending work, as the scheduler would. */
    private void work(Random random, int count) {
        List<UUID> due = pendingIds();
        Collections.shuffle(due, random);
        for (UUID id : due.subList(0, Math.min(count, due.size()))) {
            job.run(trainer, id, 0);
            pushed(model.get(id));
        }
    }

    /** Sessions in the model's order (booking ids are random, so database order would not replay). */
    private List<UUID> pendingIds() {
        Set<UUID> rows = Set.copyOf(jdbc.sql("SELECT booking_id FROM sync_pending WHERE trainer_id = ?")
                .param(trainer).query(UUID.class).list());
        return new ArrayList<>(model.ids().stream().filter(rows::contains).toList());
    }

    /**
     * A push met the trainer's change before any round did. A deletion is decided as a round would: the session
     * stays booked and flagged, the event stays out (one notice). A move or an edit had Spotter's version written
     * over it (at most one notice, checked at the end), or the event removed: the booking keeps Spotter's time.
     */
    private void pushed(Session s) {
        if (s == null || s.remote == null) {
            return;
        }
        ModelCalDavServer.Stored now = server.objects().get(s.path());
        if (s.remote.deleted()) {
            assertThat(now).as("session " + s.id + " deleted in the calendar came back before the trainer chose")
                    .isNull();
            if (!s.scheduled() && mirrors.find(trainer, s.id, Provider.APPLE).isEmpty()) {
                // the cancellation's removal settled it: a restore from here on creates the event anew
                tally("deleted there, then cancelled in Spotter and removed by its push");
                s.remote = null;
            } else if (flagged(s)) {
                tally("deleted there, met by a push: flagged");
                s.flagged = true;
                s.remote = null;
            }
            return;
        }
        if (now == null || !now.etag().equals(s.remote.etag())) {
            assertThat(flagged(s)).as("a session whose event Spotter just wrote is not flagged").isFalse();
            tally("moved or edited there, met by a push: Spotter's version written");
            s.remote = null;
        }
    }

    // ---- the trainer's side: their own calendar app -------------------------------------------------------

    private void trainerChanges(Random random) {
        List<Session> shown = model.all().stream().filter(s -> server.objects().containsKey(s.path())).toList();
        if (shown.isEmpty()) {
            return;
        }
        Session s = shown.get(random.nextInt(shown.size()));
        Instant there = s.remote != null ? s.remote.start() : s.start;
        switch (random.nextInt(4)) {
            case 0 -> {
                List<Instant> free = slots.stream().filter(t -> !t.equals(there) && model.free(t, s)).toList();
                if (!free.isEmpty()) {
                    move(s, free.get(random.nextInt(free.size())), random);
                }
            }
            case 1 -> {
                List<Session> others = model.all().stream().filter(o -> o != s && o.scheduled()).toList();
                if (!others.isEmpty()) {
                    Instant onto = others.get(random.nextInt(others.size())).start
                            .plus(Duration.ofMinutes(30L * random.nextInt(2)));
                    if (!onto.equals(there)) {
                        move(s, onto, random);
                    }
                }
            }
            case 2 -> {
                assertThat(server.trainerDeletes(s.path())).isTrue();
                ModelSessions.changedThere(s, new Remote(true, null, null));
            }
            default -> ModelSessions.changedThere(s, new Remote(false, there, server.trainerEdits(s.path(),
                    ics -> CalendarAppEdits.retitled(ics, "Gym (mine)"))));
        }
    }

    /** As a calendar app moves it: DTSTART/DTEND in the event's zone or in UTC, SEQUENCE raised or not. */
    private void move(Session s, Instant to, Random random) {
        boolean inUtc = random.nextBoolean();
        boolean raise = random.nextBoolean();
        ModelSessions.changedThere(s, new Remote(false, to, server.trainerEdits(s.path(),
                ics -> CalendarAppEdits.moved(ics, to, LENGTH, JOBURG, inUtc, raise))));
    }

    // ---- rounds --------------------------------------------------------------------------------------------

    /** One round, with what each change made there must have led to, decided before it runs. */
    private void round() {
        Map<Session, Expected> expected = new LinkedHashMap<>();
        Map<Session, Integer> noticesBefore = new LinkedHashMap<>();
        for (Session s : model.all()) {
            if (s.remote != null) {
                expected.put(s, model.expect(s, unsent(s)));
                noticesBefore.put(s, notices(s));
            }
        }
        round.run(trainer, Provider.APPLE);
        for (Map.Entry<Session, Expected> e : expected.entrySet()) {
            Session s = e.getKey();
            Expected x = e.getValue();
            Optional<Booking> booking = bookings.findIncludingDeleted(trainer, s.id);
            String what = "session " + s.id + " after a round (changed there: " + s.remote + ")";
            if (s.scheduled()) {
                assertThat(booking).as(what).hasValueSatisfying(b -> {
                    assertThat(b.status()).as(what + ": still booked").isEqualTo(BookingStatus.SCHEDULED);
                    assertThat(b.details().startsAt()).as(what + ": its time").isIn(x.starts());
                });
                s.start = booking.get().details().startsAt();
            }
            assertThat(flagged(s)).as(what + ": flagged").isEqualTo(x.flagged());
            s.flagged = x.flagged();
            assertThat(notices(s) - noticesBefore.get(s)).as(what + ": new notices")
                    .isBetween(x.minNotices(), x.maxNotices());
            tally(x.what());
            s.remote = null;
        }
        assertTimesAgree();
    }

    /** Pending work, or a write whose answer is not recorded: what the engine calls "changed since our write". */
    private boolean unsent(Session s) {
        return pendingIds().contains(s.id)
                || mirrors.find(trainer, s.id, Provider.APPLE).map(m -> m.contentHash() == null
                        || MirrorStore.WRITING.equals(m.contentHash())).orElse(true);
    }

    // ---- settling and the properties ---------------------------------------------------------------------

    private void drain() {
        for (int pass = 0; pass < 10 && !pendingIds().isEmpty(); pass++) {
            for (UUID id : pendingIds()) {
                job.run(trainer, id, 0);
                pushed(model.get(id));
            }
        }
        assertThat(pendingIds()).as("work still pending").isEmpty();
    }

    private void settle() {
        for (int pass = 0; pass < 5; pass++) {
            drain();
            int before = activityCount();
            round();
            if (pendingIds().isEmpty() && activityCount() == before) {
                return;
            }
        }
        drain();
    }

    private void assertAgreement() {
        assertTimesAgree();
        Map<String, Session> wanted = model.all().stream().filter(s -> s.scheduled() && !s.flagged)
                .collect(Collectors.toMap(Session::path, s -> s));
        Map<String, ModelCalDavServer.Stored> held = server.objects();
        assertThat(held.keySet()).as("events in the calendar").containsExactlyInAnyOrderElementsOf(wanted.keySet());
        wanted.forEach((path, s) -> assertThat(withoutSequence(new String(held.get(path).body(),
                StandardCharsets.UTF_8))).as("event " + path + " is Spotter's version")
                .isEqualTo(withoutSequence(objects.storedObject(desired(s)))));
        for (Session s : model.all()) {
            assertThat(flagged(s)).as("session " + s.id + " flagged").isEqualTo(s.flagged && s.scheduled());
            assertThat(notices(s)).as("notices of session " + s.id + " (changes made there: " + s.remoteChanges + ")")
                    .isLessThanOrEqualTo(s.remoteChanges);
        }
    }

    /** No session was lost or cancelled by a change made there, and each has the model's time. */
    private void assertTimesAgree() {
        for (Session s : model.all()) {
            Optional<Booking> b = bookings.findIncludingDeleted(trainer, s.id);
            if (s.deleted) {
                assertThat(b.map(Booking::status)).as("deleted session " + s.id).isIn(Optional.empty(),
                        Optional.of(BookingStatus.DELETED));
                continue;
            }
            assertThat(b).as("session " + s.id).isPresent();
            assertThat(b.get().status()).as("status of session " + s.id)
                    .isEqualTo(s.cancelled ? BookingStatus.CANCELLED : BookingStatus.SCHEDULED);
            assertThat(b.get().details().startsAt()).as("time of session " + s.id).isEqualTo(s.start);
        }
    }

    /** Echo safety: after settling, a round and the work it could cause change nothing and tell nobody anything. */
    private void assertNothingMoreHappens() {
        Map<String, String> etags = etags();
        int entries = activityCount();
        List<String> rows = bookingRows();
        round();
        drain();
        assertThat(etags()).as("the calendar after one more round").isEqualTo(etags);
        assertThat(activityCount()).as("activity after one more round").isEqualTo(entries);
        assertThat(bookingRows()).as("bookings after one more round").isEqualTo(rows);
    }

    private Map<String, String> etags() {
        return server.objects().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().etag(), (a, b) -> a, TreeMap::new));
    }

    private List<String> bookingRows() {
        return jdbc.sql("SELECT id || ' ' || status || ' ' || starts_at || ' ' || sequence FROM bookings "
                + "WHERE trainer_id = ? ORDER BY id").param(trainer).query(String.class).list();
    }

    private app.spotter.calendar.CalendarEvent desired(Session s) {
        Booking b = bookings.get(trainer, s.id);
        return events.of(b, id -> clients.find(trainer, id), preferences.get(trainer));
    }

    private boolean flagged(Session s) {
        return mirrors.find(trainer, s.id, Provider.APPLE).map(Mirror::removedThere).orElse(false);
    }

    private int notices(Session s) {
        return (int) activity.of(trainer, s.id).stream().filter(BookingActivity.Entry::notice).count();
    }

    private int activityCount() {
        return jdbc.sql("SELECT count(*) FROM booking_activity WHERE trainer_id = ?").param(trainer)
                .query(Integer.class).single();
    }

    private static String withoutSequence(String ics) {
        return ics.replaceAll("\r\nSEQUENCE:\\d+", "");
    }
}

package app.spotter.sync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most a few of this instance's sync workers serve one trainer's calendars at a time. A calendar server that
 * stalls then holds those few workers until its deadline, and every other trainer's work goes on with the rest.
 * Keyed by trainer because a reconcile job serves all of a trainer's connections in one run (most trainers have
 * one). Work that finds its trainer full is put back for later instead of waiting in a worker.
 *
 * <p>"Later" is a ticket: each piece of work put back for a trainer gets the next free moment after those put back
 * before it, spaced by how long that trainer's jobs have been taking. A bulk push of 1,000 bookings then puts each
 * one back about once, instead of every waiting job coming back every 1-3 s to find the trainer still full (a
 * durable commit each time, competing with the calendar server for the same cores: bulk push ran at 3x a bare
 * client's time, docs/BENCHMARKS.md).
 *
 * <p>The ticket is only the fallback. Work put back here is also queued in memory, and each job that leaves hands
 * its slot to the oldest of it ({@link #nextWaiting}: the caller makes it due at once), so a freed slot is taken
 * again within milliseconds instead of at the scheduler's next poll.
 *
 * <p>A bulk known in advance (a connect, "sync now") is {@linkplain #pace paced} instead: only the first few are
 * due at once, the rest queued for hand-off, so most of it is never picked only to be put back.
 */
@Component
class Bulkhead {

    /** Put-back work never returns sooner than this, so a burst does not come straight back. */
    static final Duration MIN_DEFERRAL = Duration.ofSeconds(1);
    /** A ticket is never further out than this: if the estimate is wrong, the work still comes back soon. */
    static final Duration MAX_DEFERRAL = Duration.ofMinutes(2);
    /**
     * The least job time a bulk is paced by: the fallback due times must not come before the hand-offs on a busy
     * machine (a PUT can take 200 ms there), or the work is picked only to be put back.
     */
    static final Duration PACE_FLOOR = Duration.ofMillis(250);
    /** Until a trainer's job has been timed: a quick CalDAV PUT. */
    static final Duration FIRST_ESTIMATE = Duration.ofMillis(50);

    private final int perTrainer;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Tickets> tickets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Waiting> waiting = new ConcurrentHashMap<>();

    /** Work remembered for hand-off per trainer; beyond it, put-back work still comes back on its ticket. */
    static final int MAX_WAITING = 10_000;

    /** The next free moment for a trainer's put-back work, and the moving average of their jobs' duration. */
    private record Tickets(Instant next, long averageNanos) {}

    @Autowired
    Bulkhead(@Value("${spotter.sync.workers-per-connection:2}") int perTrainer, Clock clock) {
        this.perTrainer = perTrainer;
        this.clock = clock;
    }

    /**
     * Whether pushes of this trainer are running with more queued behind them (a bulk being handed off). A round
     * waits then: it would take a slot between two pushes, and a sync-collection report over a collection being
     * written costs the server more than it finds (its own pushes, as echoes). Only while something runs, so a
     * queue left behind can never hold rounds back.
     */
    boolean pushesQueued(UUID trainerId) {
        AtomicInteger running = busy.get(trainerId);
        Waiting queue = waiting.get(trainerId);
        return running != null && running.get() > 0 && queue != null && queue.size() > 0;
    }

    /** @return true when a worker slot was taken; the caller must {@link #leave} it */
    boolean tryEnter(UUID trainerId) {
        boolean[] entered = new boolean[1];
        busy.compute(trainerId, (id, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < perTrainer) {
                c.incrementAndGet();
                entered[0] = true;
            }
            return c;
        });
        return entered[0];
    }

    /** Gives the slot back; {@code took} (how long the push held it) refines when put-back work is due. */
    void leave(UUID trainerId, Duration took) {
        tickets.computeIfPresent(trainerId,
                (id, t) -> new Tickets(t.next(), (t.averageNanos() * 3 + took.toNanos()) / 4));
        leave(trainerId);
    }

    /** Gives the slot back after work whose duration says nothing about a push (a round, a probe). */
    void leave(UUID trainerId) {
        busy.computeIfPresent(trainerId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        Instant now = clock.instant();
        // forget a trainer whose put-back work has all come due, so the map holds only trainers with a queue
        tickets.computeIfPresent(trainerId, (id, t) -> t.next().isBefore(now) && !busy.containsKey(id) ? null : t);
    }

    /**
     * How long work that found {@code trainerId} full waits before it comes back: its ticket, plus up to 100 ms of
     * jitter so that several instances' tickets do not line up.
     */
    Duration deferral(UUID trainerId, String workId) {
        Waiting queue = waiting.computeIfAbsent(trainerId, id -> new Waiting());
        return deferral(trainerId, queue.add(workId));
    }

    /**
     * When each of a bulk of one trainer's work (in order) should first be tried: the first {@code perTrainer} at
     * once, each later one two job-times (measured, at least {@link #PACE_FLOOR}) over the slots after the one before it,
     * and never beyond the ticket cap. All but the first few are queued for hand-off, so the pace is really set by
     * jobs finishing; the due times are the fallback (another instance, a restart), slow rather than early, since
     * work due before a slot is free is picked only to be put back.
     */
    List<Duration> pace(UUID trainerId, List<String> workIds) {
        Instant now = clock.instant();
        Tickets t = tickets.compute(trainerId, (id, old) -> new Tickets(old == null ? now : old.next(),
                old == null ? FIRST_ESTIMATE.toNanos() : old.averageNanos()));
        long spacing = 2 * Math.max(t.averageNanos(), PACE_FLOOR.toNanos()) / perTrainer;
        Waiting queue = waiting.computeIfAbsent(trainerId, id -> new Waiting());
        List<Duration> offsets = new ArrayList<>(workIds.size());
        for (int i = 0; i < workIds.size(); i++) {
            Duration offset = Duration.ofNanos(spacing * Math.max(0, i - perTrainer + 1));
            offsets.add(offset.compareTo(MAX_DEFERRAL) > 0 ? MAX_DEFERRAL : offset);
            if (i >= perTrainer) {
                queue.add(workIds.get(i));
            }
        }
        // work put back later queues behind this bulk
        Instant end = now.plus(offsets.getLast());
        tickets.computeIfPresent(trainerId, (id, old) -> old.next().isBefore(end)
                ? new Tickets(end, old.averageNanos()) : old);
        return offsets;
    }

    /** Work that got a slot is no longer waiting (it may have come back on its ticket before a hand-off). */
    void entered(UUID trainerId, String workId) {
        Waiting queue = waiting.get(trainerId);
        if (queue != null) {
            queue.remove(workId);
        }
    }

    /**
     * The oldest work put back for this trainer, for the caller to make due now that a slot is free; the caller
     * asks again when that work was taken meanwhile (it may have come back on its ticket).
     */
    Optional<String> nextWaiting(UUID trainerId) {
        Waiting queue = waiting.get(trainerId);
        if (queue == null) {
            return Optional.empty();
        }
        String next = queue.poll();
        if (next == null) {
            // nothing waits any more: hand-offs emptied the queue sooner than its tickets assumed, so tickets
            // issued from now on start afresh instead of behind the old, far-out ones
            waiting.remove(trainerId, queue);
            tickets.remove(trainerId);
        }
        return Optional.ofNullable(next);
    }

    /**
     * One trainer's waiting work in hand-off order. A set under a lock rather than a concurrent queue: a bulk of
     * 1,000 asks "is it queued?" and "how many?" per job, which a linked queue answers by walking all of it.
     */
    private static final class Waiting {

        private final LinkedHashSet<String> ids = new LinkedHashSet<>();

        /** @return how many wait now, this one included */
        synchronized int add(String workId) {
            if (ids.size() < MAX_WAITING) {
                ids.add(workId);
            }
            return ids.size();
        }

        synchronized int size() {
            return ids.size();
        }

        synchronized void remove(String workId) {
            ids.remove(workId);
        }

        synchronized String poll() {
            Iterator<String> first = ids.iterator();
            if (!first.hasNext()) {
                return null;
            }
            String next = first.next();
            first.remove();
            return next;
        }
    }

    /**
     * Put-back work that is not one of a bulk (a round, a probe, a drain: one per connection): 1-3 s, spread so
     * that it does not all come back at once, and never behind a bulk push's tickets.
     */
    static Duration briefDeferral() {
        return Duration.ofMillis(1000 + ThreadLocalRandom.current().nextLong(2000));
    }

    /**
     * @param waitingCount how much of this trainer's work waits now: the next ticket is never further out than that
     *     much work takes, however often the same work was put back before (each time it comes back on its ticket
     *     and finds the trainer full again, it takes a new one)
     */
    private Duration deferral(UUID trainerId, int waitingCount) {
        Instant now = clock.instant();
        Tickets t = tickets.compute(trainerId, (id, old) -> {
            long average = old == null ? FIRST_ESTIMATE.toNanos() : old.averageNanos();
            Instant earliest = now.plus(MIN_DEFERRAL);
            Instant horizon = earliest.plusNanos(average / perTrainer * Math.max(0, waitingCount - 1));
            Instant after = old == null || old.next().isBefore(earliest) ? earliest
                    : old.next().isAfter(horizon) ? horizon : old.next();
            Instant next = after.plusNanos(average / perTrainer);
            Instant latest = now.plus(MAX_DEFERRAL);
            return new Tickets(next.isAfter(latest) ? latest : next, average);
        });
        return Duration.between(now, t.next()).plusMillis(ThreadLocalRandom.current().nextLong(100));
    }
}

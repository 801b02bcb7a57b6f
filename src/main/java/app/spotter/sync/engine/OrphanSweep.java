package app.spotter.sync.engine;

import app.spotter.sync.store.PendingStore;

import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Safety net for the one race the generation counter cannot close alone: a change that commits after a job
 * cleared its pending row but before the job's task row was removed finds a task "already scheduled" and adds
 * none. Every due pending row without a task gets one here, and work held for a calendar that is no longer parked
 * (disconnected, reconnected, or a release that raced a hold) is made due first.
 */
@Component
class OrphanSweep {

    private final PendingStore pending;
    private final SyncQueue queue;
    private final Clock clock;

    OrphanSweep(PendingStore pending, SyncQueue queue, Clock clock) {
        this.pending = pending;
        this.queue = queue;
        this.clock = clock;
    }

    void run() {
        pending.releaseUnparked(clock.instant());
        for (PendingStore.Due due : pending.orphans(clock.instant(), SyncQueue.RECONCILE.getTaskName(), 500)) {
            queue.schedule(due.trainerId(), due.bookingId(), clock.instant());
        }
    }
}

package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import app.spotter.sync.store.PendingStore;

import app.spotter.preferences.SyncPreferences;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enqueues reconciliation in the caller's transaction: a {@code sync_pending} row plus one db-scheduler task per
 * booking (the task instance id is the booking id, so a second change while one is pending coalesces). When the
 * transaction commits and the work is due, the scheduler is woken at once instead of at its next poll.
 */
@Component
class SyncQueue {

    static final TaskDescriptor<ReconcileRequest> RECONCILE =
            TaskDescriptor.of("reconcile-booking", ReconcileRequest.class);

    static final TaskDescriptor<Void> ROUND = TaskDescriptor.of("sync-round");

    /** Takes a disconnected calendar's events out of it; data = attempt. Instance id "trainer:provider". */
    static final TaskDescriptor<Integer> DRAIN = TaskDescriptor.of("drain-connection", Integer.class);

    /** Tests a parked connection with one request (docs/architecture.md "Failures"). */
    static final TaskDescriptor<Void> PROBE = TaskDescriptor.of("probe-connection");

    private final PendingStore pending;
    private final ObjectProvider<SchedulerClient> client;
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Bulkhead bulkhead;

    /** Above this many bookings of one trainer at once, the work is enqueued as one paced bulk ({@link #bulk}). */
    static final int BULK = 8;

    SyncQueue(PendingStore pending, ObjectProvider<SchedulerClient> client, ObjectProvider<Scheduler> scheduler,
            Clock clock, JdbcClient jdbc, Bulkhead bulkhead) {
        this.jdbc = jdbc;
        this.bulkhead = bulkhead;
        this.pending = pending;
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void booking(UUID trainerId, UUID bookingId, SyncPreferences preferences) {
        Instant due = DueTime.next(preferences.syncFrequency(), clock.instant(), preferences.timezoneDisplay());
        pending.request(trainerId, bookingId, due);
        schedule(trainerId, bookingId, due);
    }

    /** Everything of this trainer's that a calendar may need to hear about (a preference or connection change). */
    void everything(UUID trainerId, SyncPreferences preferences) {
        Instant due = DueTime.next(preferences.syncFrequency(), clock.instant(), preferences.timezoneDisplay());
        // first: then a bulk takes its paced places instead of all being brought to `due`
        bringForward(trainerId, due);
        schedule(trainerId, pending.requestAll(trainerId, due), due);
    }

    void client(UUID trainerId, UUID clientId, SyncPreferences preferences) {
        Instant due = DueTime.next(preferences.syncFrequency(), clock.instant(), preferences.timezoneDisplay());
        bringForward(trainerId, due);
        schedule(trainerId, pending.requestAll(trainerId, clientId, due), due);
    }

    /**
     * Work already waiting for a later slot (daily, then switched to realtime) is moved to {@code due}: scheduling
     * an existing task does nothing, so without this it kept its old time. One statement for the whole trainer;
     * the version bump makes a scheduler that read the old row lose its optimistic pick and read it again.
     */
    private void bringForward(UUID trainerId, Instant due) {
        if (due == null) {
            return;
        }
        int moved = jdbc.sql("""
                UPDATE scheduled_tasks t SET execution_time = ?, version = t.version + 1
                  FROM sync_pending p
                 WHERE p.trainer_id = ? AND t.task_name = ? AND t.task_instance = CAST(p.booking_id AS text)
                   AND NOT t.picked AND t.execution_time > ?""")
                .params(Timestamp.from(due), trainerId, RECONCILE.getTaskName(), Timestamp.from(due)).update();
        if (moved > 0 && !due.isAfter(clock.instant())) {
            wakeAfterCommit();
        }
    }

    /**
     * Makes one booking's waiting reconcile job due now and wakes the scheduler: a worker slot of its trainer was
     * just freed ({@link Bulkhead}). Only a job that waits (not picked); one already due (its ticket passed) is
     * left as it is, but the scheduler is still woken for it, rather than leaving it to the next poll. The version
     * bump makes a scheduler that read the old row lose its optimistic pick and read it again.
     *
     * @return whether a waiting job was moved
     */
    boolean makeDueNow(String bookingId) {
        Instant now = clock.instant();
        int moved = jdbc.sql("""
                UPDATE scheduled_tasks SET execution_time = LEAST(execution_time, ?), version = version + 1
                 WHERE task_name = ? AND task_instance = ? AND NOT picked""")
                .params(Timestamp.from(now), RECONCILE.getTaskName(), bookingId).update();
        if (moved > 0) {
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        }
        return moved > 0;
    }

    /**
     * "Sync now": the work waiting for this trainer runs immediately, whatever the frequency. Only what waits: a
     * booking whose calendars are in step needs no job (the caller adds one round per calendar to find drift), so
     * pressing it with nothing to do costs one round, not one job per booking.
     */
    void now(UUID trainerId) {
        Instant now = clock.instant();
        List<UUID> waiting = pending.makeDue(trainerId, now);
        if (waiting.size() > BULK) {
            bulk(trainerId, waiting, now);
            return;
        }
        for (UUID bookingId : waiting) {
            schedule(trainerId, bookingId, now, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        }
    }

    /** A "what changed there?" round for one connection, as soon as possible. */
    void round(UUID trainerId, Provider provider) {
        roundAt(trainerId, provider, clock.instant());
    }

    /**
     * A round at {@code at} (the periodic rounds spread them over the interval). Low priority: a worker that has
     * a push and a round due takes the push first.
     */
    void roundAt(UUID trainerId, Provider provider, Instant at) {
        client.getObject().schedule(ROUND.instance(trainerId + ":" + provider.value()).priority(Priority.LOW)
                        .scheduledTo(at), SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        if (!at.isAfter(clock.instant())) {
            wakeAfterCommit();
        }
    }

    /** The one probe of a parked connection; instance id "trainer:provider". */
    void probe(UUID trainerId, Provider provider, Instant at) {
        client.getObject().schedule(PROBE.instance(trainerId + ":" + provider.value()).priority(Priority.HIGH)
                        .scheduledTo(at),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        if (!at.isAfter(clock.instant())) {
            wakeAfterCommit();
        }
    }

    /** Starts (or keeps) the draining of a disconnected calendar, as soon as possible. */
    void drain(UUID trainerId, Provider provider) {
        client.getObject().schedule(DRAIN.instance(trainerId + ":" + provider.value()).data(0).priority(Priority.HIGH)
                .scheduledTo(clock.instant()), SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        wakeAfterCommit();
    }

    void schedule(UUID trainerId, Collection<UUID> bookingIds, Instant due) {
        if (due != null && bookingIds.size() > BULK) {
            bulk(trainerId, List.copyOf(bookingIds), due);
            return;
        }
        bookingIds.forEach(id -> schedule(trainerId, id, due));
    }

    /**
     * Many bookings of one trainer at once (a connect, "sync now", a preference change): one statement instead of
     * two per booking, and paced ({@link Bulkhead#pace}). Before, all were due at once, and each worker that picked
     * one beyond the trainer's slots put it back: a pick and an update per booking, competing with the calendar
     * server for the same cores. A waiting execution takes its place in the bulk (earlier or later); one running
     * now is left alone: the generation its caller bumped makes it run again when it finishes.
     */
    private void bulk(UUID trainerId, List<UUID> bookingIds, Instant due) {
        List<String> instances = bookingIds.stream().map(UUID::toString).toList();
        List<Duration> offsets = bulkhead.pace(trainerId, instances);
        String[] times = offsets.stream().map(offset -> due.plus(offset).toString()).toArray(String[]::new);
        byte[] data = Serializer.DEFAULT_JAVA_SERIALIZER.serialize(new ReconcileRequest(trainerId.toString(), 0));
        // db-scheduler's own columns and values for a new execution (JdbcTaskRepository.createIfNotExists)
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
                                             priority)
                SELECT ?, b.instance, ?, b.due, FALSE, 1, ?
                  FROM unnest(CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[])) AS b(instance, due)
                ON CONFLICT (task_name, task_instance) DO UPDATE
                   SET execution_time = EXCLUDED.execution_time, version = scheduled_tasks.version + 1
                 WHERE NOT scheduled_tasks.picked""")
                .params(RECONCILE.getTaskName(), data, Priority.HIGH, instances.toArray(String[]::new), times)
                .update();
        if (!due.isAfter(clock.instant())) {
            wakeAfterCommit();
        }
    }

    void schedule(UUID trainerId, UUID bookingId, Instant due) {
        schedule(trainerId, bookingId, due, SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
    }

    private void schedule(UUID trainerId, UUID bookingId, Instant due, SchedulerClient.ScheduleOptions options) {
        if (due == null) {
            return; // manual: waits in sync_pending for "sync now"
        }
        for (int look = 1; ; look++) {
            try {
                client.getObject().schedule(RECONCILE.instance(bookingId.toString())
                                .data(new ReconcileRequest(trainerId.toString(), 0)).priority(Priority.HIGH)
                                .scheduledTo(due),
                        options);
                break;
            } catch (TaskInstanceCurrentlyExecutingException running) {
                // the job is running now; the generation we just bumped makes it run once more when it finishes
                break;
            } catch (ExecutionException changedMeanwhile) {
                // db-scheduler read the execution, then the job finished or rescheduled itself before the update
                // (which matches on the version it read): read it again. Only a task changing non-stop gets here
                // three times, and that is worth an error.
                if (look == 3) {
                    throw changedMeanwhile;
                }
            }
        }
        if (!due.isAfter(clock.instant())) {
            wakeAfterCommit();
        }
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
                }
            });
        } else {
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        }
    }
}

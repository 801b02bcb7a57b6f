package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import app.spotter.sync.store.ConnectionStore;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on Spotter's own PostgreSQL: cluster-safe (SKIP LOCKED), enqueued in the booking's transaction
 * (the transaction-aware DataSource), and revives executions of a crashed instance once its heartbeats stop.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    CustomTask<ReconcileRequest> reconcileTask(ReconcileJob job, Bulkhead bulkhead, SyncQueue queue, Clock clock) {
        return Tasks.custom(SyncQueue.RECONCILE)
                .defaultPriority(com.github.kagkarlsson.scheduler.task.Priority.HIGH)
                .onDeadExecutionRevive()
                // an unexpected exception (a bug, the database away): try again later, never drop the work
                .onFailure((complete, ops) -> ops.reschedule(complete, clock.instant().plusSeconds(30)))
                .execute((instance, context) -> {
                    ReconcileRequest request = instance.getData();
                    UUID trainerId = UUID.fromString(request.trainerId());
                    if (!bulkhead.tryEnter(trainerId)) {
                        Duration later = bulkhead.deferral(trainerId, instance.getId());
                        return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(later));
                    }
                    bulkhead.entered(trainerId, instance.getId());
                    long started = System.nanoTime();
                    try {
                        var outcome = job.run(trainerId, UUID.fromString(instance.getId()), request.attempt());
                        return completion(outcome, request, clock);
                    } finally {
                        bulkhead.leave(trainerId, Duration.ofNanos(System.nanoTime() - started));
                        handOff(bulkhead, queue, trainerId);
                    }
                });
    }

    /** The slot just freed goes to the trainer's oldest put-back work still waiting (a few tries: some was taken). */
    private static void handOff(Bulkhead bulkhead, SyncQueue queue, UUID trainerId) {
        for (int tries = 0; tries < 10; tries++) {
            java.util.Optional<String> next = bulkhead.nextWaiting(trainerId);
            if (next.isEmpty() || queue.makeDueNow(next.get())) {
                return;
            }
        }
    }

    private static CompletionHandler<ReconcileRequest> completion(ReconcileJob.Outcome outcome,
            ReconcileRequest request, Clock clock) {
        return switch (outcome) {
            case ReconcileJob.Outcome.Done done -> (complete, ops) -> ops.remove();
            case ReconcileJob.Outcome.RunAgain again -> (complete, ops) -> ops.reschedule(complete, clock.instant(),
                    new ReconcileRequest(request.trainerId(), 0));
            case ReconcileJob.Outcome.RetryLater later -> (complete, ops) -> ops.reschedule(complete,
                    clock.instant().plus(later.after()),
                    new ReconcileRequest(request.trainerId(), request.attempt() + 1));
        };
    }

    @Bean
    RecurringTask<Void> orphanSweepTask(OrphanSweep sweep) {
        return Tasks.recurring("sync-orphan-sweep", FixedDelay.ofSeconds(20)).execute((instance, ctx) -> sweep.run());
    }

    /** One connection's round; the instance id is "trainer:provider", so rounds for a connection coalesce. */
    @Bean
    CustomTask<Void> syncRoundTask(SyncRound round, Bulkhead bulkhead, Clock clock) {
        return Tasks.custom(SyncQueue.ROUND)
                .defaultPriority(com.github.kagkarlsson.scheduler.task.Priority.LOW)
                .onFailure((complete, ops) -> ops.remove()) // a round is a check; the next one repeats it
                .execute((instance, ctx) -> {
                    String[] parts = instance.getId().split(":");
                    UUID trainerId = UUID.fromString(parts[0]);
                    if (bulkhead.pushesQueued(trainerId) || !bulkhead.tryEnter(trainerId)) {
                        Duration later = Bulkhead.briefDeferral();
                        return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(later));
                    }
                    try {
                        round.run(trainerId, Provider.fromValue(parts[1]).orElseThrow());
                    } finally {
                        bulkhead.leave(trainerId);
                    }
                    return (complete, ops) -> ops.remove();
                });
    }

    /** The one probe of a parked connection; it reschedules itself while the calendar still fails. */
    @Bean
    CustomTask<Void> probeTask(Probe probe, Bulkhead bulkhead, Clock clock) {
        return Tasks.custom(SyncQueue.PROBE)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> ops.reschedule(complete, clock.instant().plusSeconds(30)))
                .execute((instance, ctx) -> {
                    String[] parts = instance.getId().split(":");
                    UUID trainerId = UUID.fromString(parts[0]);
                    if (!bulkhead.tryEnter(trainerId)) {
                        Duration later = Bulkhead.briefDeferral();
                        return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(later));
                    }
                    java.util.Optional<Instant> again;
                    try {
                        again = probe.run(trainerId, Provider.fromValue(parts[1]).orElseThrow());
                    } finally {
                        bulkhead.leave(trainerId);
                    }
                    if (again.isEmpty()) {
                        return (complete, ops) -> ops.remove();
                    }
                    return (complete, ops) -> ops.reschedule(complete, again.get());
                });
    }

    /** Drains a calendar disconnected with "remove events": a batch per run, backoff after a failure. */
    @Bean
    CustomTask<Integer> drainTask(Drainer drainer, Bulkhead bulkhead, Clock clock) {
        return Tasks.custom(SyncQueue.DRAIN)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> ops.reschedule(complete, clock.instant().plusSeconds(30)))
                .execute((instance, context) -> {
                    String[] parts = instance.getId().split(":");
                    UUID trainerId = UUID.fromString(parts[0]);
                    int attempt = instance.getData() == null ? 0 : instance.getData();
                    if (!bulkhead.tryEnter(trainerId)) {
                        Duration later = Bulkhead.briefDeferral();
                        return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(later),
                                attempt);
                    }
                    java.util.Optional<Duration> again;
                    try {
                        again = drainer.run(trainerId, Provider.fromValue(parts[1]).orElseThrow(), attempt);
                    } finally {
                        bulkhead.leave(trainerId);
                    }
                    if (again.isEmpty()) {
                        return (complete, ops) -> ops.remove();
                    }
                    int next = again.get().isZero() ? 0 : attempt + 1;
                    return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(again.get()), next);
                });
    }

    /**
     * Every few minutes each connection that can be read back gets a round, so drift is repaired even if nobody
     * presses "sync now". Each round is placed at its own fixed offset within the interval (a hash of the
     * connection), so 10,000 rounds arrive evenly instead of in one burst; email, which cannot be read, gets none.
     */
    @Bean
    RecurringTask<Void> roundsTask(ConnectionStore connections, SyncQueue queue, ProviderRegistry registry,
            Clock clock, @Value("${spotter.sync.round-interval:PT5M}") Duration interval) {
        return Tasks.recurring("sync-rounds", FixedDelay.of(interval))
                .execute((instance, ctx) -> {
                    Instant start = clock.instant();
                    connections.allActive().stream()
                            .filter(c -> registry.find(c.getValue()).map(a -> a.readsChanges()).orElse(false))
                            .forEach(c -> queue.roundAt(c.getKey(), c.getValue(),
                                    RoundSpread.at(start, interval, c.getKey(), c.getValue())));
                });
    }

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, CustomTask<ReconcileRequest> reconcileTask,
            CustomTask<Void> syncRoundTask, CustomTask<Integer> drainTask, CustomTask<Void> probeTask,
            RecurringTask<Void> orphanSweepTask, RecurringTask<Void> roundsTask,
            @Value("${spotter.sync.threads:8}") int threads,
            @Value("${spotter.sync.heartbeat:PT10S}") Duration heartbeat,
            @Value("${spotter.sync.polling:PT2S}") Duration polling) {
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), reconcileTask,
                        syncRoundTask, drainTask, probeTask)
                .startTasks(orphanSweepTask, roundsTask)
                .threads(threads)
                // pushes (HIGH) before rounds (LOW) when both are due
                .enablePriority()
                // Lock and fetch at most one execution per worker (fetch again at half): priorities only order what
                // is fetched, and the default fetches 3 per worker ahead, so a push saved during a burst of 10,000
                // rounds waited behind up to 24 rounds already held in memory (push p99 2.1 s, docs/BENCHMARKS.md).
                // One statement picks the whole batch (FOR UPDATE SKIP LOCKED), instead of one update per execution.
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(polling)
                .heartbeatInterval(heartbeat)
                // dead after 6 missed heartbeats (60 s by default): a killed instance's work resumes within 2 min
                .missedHeartbeatsLimit(6)
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
        scheduler.start();
        return scheduler;
    }
}

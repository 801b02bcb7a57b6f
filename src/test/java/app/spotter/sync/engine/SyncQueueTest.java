package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * "Sync now" reschedules a booking's task. db-scheduler reads the execution, then updates it by version; when the
 * job finishes or reschedules itself in between, the update finds nothing and db-scheduler throws. The trainer
 * pressed a button: that race must not answer 500 (it did, seen in CI).
 */
class SyncQueueTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    final SchedulerClient client = mock(SchedulerClient.class);
    final SyncQueue queue = new SyncQueue(null,
            new StaticListableBeanFactory(Map.of("client", client)).getBeanProvider(SchedulerClient.class),
            new StaticListableBeanFactory().getBeanProvider(Scheduler.class), Clock.fixed(NOW, ZoneOffset.UTC), null,
            new Bulkhead(2, Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void anExecutionThatChangedUnderneathTheRescheduleIsLookedUpAgain() {
        doThrow(raced()).doReturn(true).when(client)
                .schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));

        assertThatCode(() -> queue.schedule(UUID.randomUUID(), UUID.randomUUID(), NOW)).doesNotThrowAnyException();
        verify(client, times(2)).schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));
    }

    @Test
    void aJobRunningNowIsLeftToRunAgainOnItsOwn() {
        doThrow(new TaskInstanceCurrentlyExecutingException("reconcile-booking", "b")).when(client)
                .schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));

        assertThatCode(() -> queue.schedule(UUID.randomUUID(), UUID.randomUUID(), NOW)).doesNotThrowAnyException();
        verify(client, times(1)).schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));
    }

    @Test
    void anExecutionThatKeepsChangingIsAnErrorAfterAFewLooks() {
        doThrow(raced()).when(client)
                .schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));

        assertThatThrownBy(() -> queue.schedule(UUID.randomUUID(), UUID.randomUUID(), NOW))
                .isInstanceOf(ExecutionException.class);
        verify(client, times(3)).schedule(any(SchedulableInstance.class), any(SchedulerClient.ScheduleOptions.class));
    }

    private static ExecutionException raced() {
        return new ExecutionException("Expected one execution to be updated, but updated 0. Indicates a bug.",
                "reconcile-booking", "b", 1L);
    }
}

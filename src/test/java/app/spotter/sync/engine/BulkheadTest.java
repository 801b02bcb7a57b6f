package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T06:00:00Z"), ZoneOffset.UTC);
    private static final Duration JITTER = Duration.ofMillis(100);

    private final Bulkhead bulkhead = new Bulkhead(2, CLOCK);
    private final UUID trainer = UUID.randomUUID();

    @Test
    void aTrainerHoldsAtMostTwoWorkersAndGetsOneBackWhenAJobLeaves() {
        assertThat(bulkhead.tryEnter(trainer)).isTrue();
        assertThat(bulkhead.tryEnter(trainer)).isTrue();
        assertThat(bulkhead.tryEnter(trainer)).isFalse();
        assertThat(bulkhead.tryEnter(UUID.randomUUID())).as("another trainer").isTrue();

        bulkhead.leave(trainer, Duration.ofMillis(40));

        assertThat(bulkhead.tryEnter(trainer)).isTrue();
    }

    @Test
    void workPutBackForABusyTrainerComesBackInTurnsRatherThanAllAtOnce() {
        fill(trainer);
        List<Duration> deferrals = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            deferrals.add(bulkhead.deferral(trainer, "job " + i));
        }

        // each ticket is one job's time (50 ms until measured) over the two slots after the one before it
        for (int i = 0; i < deferrals.size(); i++) {
            Duration ticket = Bulkhead.MIN_DEFERRAL.plusMillis(25L * (i + 1));
            assertThat(deferrals.get(i)).isBetween(ticket, ticket.plus(JITTER));
        }
        // 1,000 waiting jobs come back over 25 s, about when two slots can take them, not within 1-3 s
        assertThat(deferrals.getLast()).isGreaterThan(Duration.ofSeconds(25));
    }

    @Test
    void ticketsFollowHowLongTheTrainersJobsActuallyTake() {
        fill(trainer);
        bulkhead.deferral(trainer, "first");
        for (int i = 0; i < 20; i++) {
            bulkhead.leave(trainer, Duration.ofMillis(400));
            bulkhead.tryEnter(trainer);
        }
        Duration before = bulkhead.deferral(trainer, "second");
        Duration after = bulkhead.deferral(trainer, "third");

        // the average converges to 400 ms a job, so the next ticket is about 200 ms (two slots) after the last
        assertThat(after.minus(before)).isBetween(Duration.ofMillis(180).minus(JITTER),
                Duration.ofMillis(200).plus(JITTER));
    }

    @Test
    void aTicketIsNeverFurtherOutThanTwoMinutes() {
        fill(trainer);
        bulkhead.deferral(trainer, "work");
        bulkhead.leave(trainer, Duration.ofMinutes(30)); // one stalled job must not push the queue out for hours
        bulkhead.tryEnter(trainer);

        for (int i = 0; i < 100; i++) {
            assertThat(bulkhead.deferral(trainer, "job " + i))
                    .isLessThanOrEqualTo(Bulkhead.MAX_DEFERRAL.plus(JITTER));
        }
    }

    @Test
    void anotherTrainersPutBackWorkDoesNotQueueBehindThisOne() {
        fill(trainer);
        for (int i = 0; i < 500; i++) {
            bulkhead.deferral(trainer, "job " + i);
        }
        UUID other = UUID.randomUUID();
        fill(other);

        assertThat(bulkhead.deferral(other, "other work"))
                .isLessThan(Bulkhead.MIN_DEFERRAL.plus(Duration.ofMillis(25)).plus(JITTER));
    }

    @Test
    void aFreedSlotGoesToTheOldestWorkPutBackForThatTrainer() {
        fill(trainer);
        bulkhead.deferral(trainer, "first");
        bulkhead.deferral(trainer, "second");
        UUID other = UUID.randomUUID();
        fill(other);
        bulkhead.deferral(other, "other's");

        assertThat(bulkhead.nextWaiting(trainer)).contains("first");
        assertThat(bulkhead.nextWaiting(trainer)).contains("second");
        assertThat(bulkhead.nextWaiting(trainer)).isEmpty();
        assertThat(bulkhead.nextWaiting(other)).contains("other's");
    }

    @Test
    void onceEveryWaitingJobWasHandedASlotNewPutBackWorkIsNotQueuedBehindTheOldTickets() {
        fill(trainer);
        for (int i = 0; i < 1_000; i++) {
            bulkhead.deferral(trainer, "job " + i);
        }
        while (bulkhead.nextWaiting(trainer).isPresent()) {
            // every one handed a slot, faster than the tickets assumed
        }

        assertThat(bulkhead.deferral(trainer, "late"))
                .isLessThan(Bulkhead.MIN_DEFERRAL.plus(Duration.ofMillis(25)).plus(JITTER));
    }

    @Test
    void workPutBackAgainAndAgainDoesNotPushTheTicketsOutBeyondWhatActuallyWaits() {
        fill(trainer);
        bulkhead.deferral(trainer, "a");
        bulkhead.deferral(trainer, "b");
        for (int i = 0; i < 1_000; i++) {
            bulkhead.deferral(trainer, "a"); // came back on its ticket, found the trainer full again
        }

        // two jobs wait: the next ticket is within two jobs' time (25 ms each over two slots), not 1,000
        assertThat(bulkhead.deferral(trainer, "b"))
                .isLessThanOrEqualTo(Bulkhead.MIN_DEFERRAL.plusMillis(2 * 25).plus(JITTER));
    }

    @Test
    void workThatGotASlotIsNoLongerHandedOne() {
        fill(trainer);
        bulkhead.deferral(trainer, "came back on its ticket");
        bulkhead.deferral(trainer, "still waiting");

        bulkhead.entered(trainer, "came back on its ticket");

        assertThat(bulkhead.nextWaiting(trainer)).contains("still waiting");
    }

    @Test
    void aBulkKnownInAdvanceStartsTwoAtOnceAndQueuesTheRestForHandOffInOrder() {
        List<String> bulk = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            bulk.add("booking " + i);
        }

        List<Duration> due = bulkhead.pace(trainer, bulk);

        // two slots: two at once, then one every two job-times (at least 250 ms) over the two slots, capped
        assertThat(due.subList(0, 2)).containsOnly(Duration.ZERO);
        assertThat(due.get(2)).isEqualTo(Duration.ofMillis(250));
        assertThat(due.get(101)).isEqualTo(Duration.ofMillis(25_000));
        assertThat(due.get(480)).isEqualTo(Duration.ofMillis(119_750));
        assertThat(due.getLast()).isEqualTo(Bulkhead.MAX_DEFERRAL);
        // each job that leaves hands its slot to the next of the bulk, in order
        assertThat(bulkhead.nextWaiting(trainer)).contains("booking 2");
        bulkhead.entered(trainer, "booking 3"); // came due on its own first
        assertThat(bulkhead.nextWaiting(trainer)).contains("booking 4");
        // work put back meanwhile queues behind what of the bulk still waits (997 jobs at 25 ms), not before it
        fill(trainer);
        assertThat(bulkhead.deferral(trainer, "a change made now")).isGreaterThan(Duration.ofSeconds(24));
    }

    @Test
    void aRoundWaitsWhileABulkOfThatTrainerIsBeingHandedOffButNeverForALeftoverQueue() {
        List<String> bulk = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bulk.add("booking " + i);
        }
        bulkhead.pace(trainer, bulk);
        assertThat(bulkhead.pushesQueued(trainer)).as("queued, nothing running yet").isFalse();

        bulkhead.tryEnter(trainer);
        assertThat(bulkhead.pushesQueued(trainer)).as("running, more queued").isTrue();
        assertThat(bulkhead.pushesQueued(UUID.randomUUID())).as("another trainer").isFalse();

        bulkhead.leave(trainer, Duration.ofMillis(30));
        assertThat(bulkhead.pushesQueued(trainer)).as("a leftover queue with nothing running").isFalse();
    }

    private void fill(UUID id) {
        while (bulkhead.tryEnter(id)) {
            // take every slot
        }
    }
}

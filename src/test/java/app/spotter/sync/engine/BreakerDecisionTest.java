package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The circuit breaker of one connection, decided without I/O; one table row per case. */
class BreakerDecisionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(20);
    private static final BreakerDecision.Policy POLICY =
            new BreakerDecision.Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

    @ParameterizedTest(name = "parked={0}, probing={1} -> {2}")
    @CsvSource({
            "false, false, Send",
            "false, true,  Send",
            "true,  false, Hold",
            "true,  true,  Send"})
    void onlyTheProbeTalksToAParkedConnection(boolean parked, boolean probing, String gate) {
        var state = new BreakerDecision.State(parked ? 5 : 0, parked ? LATER : null, 0);
        assertThat(BreakerDecision.beforeSend(state, probing).getClass().getSimpleName()).isEqualTo(gate);
    }

    @ParameterizedTest(name = "failures={0}, parked={1} -> {2}")
    @CsvSource({
            "0, false, Quiet",
            "3, false, Close",
            "5, true,  Close",
            "0, true,  Close"})
    void aSuccessClosesTheBreakerOnlyWhenThereIsSomethingToClose(int failures, boolean parked, String verdict) {
        var state = new BreakerDecision.State(failures, parked ? LATER : null, parked ? 2 : 0);
        assertThat(BreakerDecision.afterSuccess(state).getClass().getSimpleName()).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "failure {0} (parked={1}, probe attempt {2}, probing={3}) -> {4}, probe {5}")
    @CsvSource({
            // below the threshold each booking retries alone
            "1, false, 0, false, Retry, 0",
            "4, false, 0, false, Retry, 0",
            // the threshold parks the connection behind its first probe
            "5, false, 0, false, Park, 1",
            "9, false, 0, false, Park, 1",
            // a failed probe parks it again, one step further up the backoff
            "6, true, 1, true, Park, 2",
            "20, true, 7, true, Park, 8",
            // a straggler that failed while it was parked only keeps it parked
            "7, true, 2, false, Park, 3"})
    void transientFailuresRetryAloneThenParkTheConnection(int failures, boolean parked, int probeAttempt,
            boolean probing, String verdict, int nextProbe) {
        var state = new BreakerDecision.State(failures, parked ? LATER : null, probeAttempt);
        var decided = BreakerDecision.afterTransientFailure(state, probing, 0, null, NOW, POLICY, new Random(1));
        assertThat(decided.getClass().getSimpleName()).isEqualTo(verdict);
        if (decided instanceof BreakerDecision.Verdict.Park park) {
            assertThat(park.probeAttempt()).isEqualTo(nextProbe);
            assertThat(park.probeAt()).isBetween(NOW, NOW.plus(POLICY.probeCeiling()));
        }
    }

    @ParameterizedTest(name = "probe {0} waits between 0 and {1}s")
    @CsvSource({"1,30", "2,60", "3,120", "5,480", "7,1800", "40,1800"})
    void probesWaitAFullJitterDrawUpToACapThatDoublesToHalfAnHour(int probe, int seconds) {
        for (int seed = 0; seed < 50; seed++) {
            assertThat(BreakerDecision.probeDelay(probe, null, POLICY, new Random(seed)))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(seconds));
        }
    }

    @Test
    void connectionsParkedTogetherAreNotProbedTogether() {
        Random random = new Random(3);
        Set<Long> seconds = new HashSet<>();
        for (int connection = 0; connection < 1000; connection++) {
            seconds.add(BreakerDecision.probeDelay(10, null, POLICY, random).toSeconds());
        }
        // spread over the whole 30-minute window: 1,000 uniform draws over 1,800 s hit about 770 distinct seconds
        assertThat(seconds).hasSizeGreaterThan(650);
    }

    @Test
    void aProbeNeverGoesBeforeTheServersRetryAfter() {
        for (int seed = 0; seed < 50; seed++) {
            var parked = BreakerDecision.afterTransientFailure(new BreakerDecision.State(5, null, 0), false, 0,
                    Duration.ofMinutes(10), NOW, POLICY, new Random(seed));
            assertThat(((BreakerDecision.Verdict.Park) parked).probeAt()).isAfterOrEqualTo(NOW.plusSeconds(600));
        }
    }

    @Test
    void belowTheThresholdABookingsOwnRetryUsesTheBookingsBackoff() {
        var retry = (BreakerDecision.Verdict.Retry) BreakerDecision.afterTransientFailure(
                new BreakerDecision.State(2, null, 0), false, 3, null, NOW, POLICY, new Random(5));
        assertThat(retry.after()).isBetween(Duration.ZERO, Duration.ofSeconds(16));
    }
}

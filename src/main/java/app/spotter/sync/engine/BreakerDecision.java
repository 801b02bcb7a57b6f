package app.spotter.sync.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The circuit breaker of one connection, decided without I/O (applied by {@link Breaker}). After {@code threshold}
 * transient failures in a row the connection is parked: nothing is sent to it, every booking's work is held, and
 * one probe at a time tests it, with exponential backoff and full jitter between probes. A success closes it and
 * releases the held work. Without this, 1,000 failing bookings each retried on their own: 1,000 requests per
 * backoff period against a server that was already down.
 */
final class BreakerDecision {

    private BreakerDecision() {}

    /** @param probeBase the first probe's cap, doubled per failed probe up to {@code probeCeiling} */
    record Policy(int threshold, Duration probeBase, Duration probeCeiling) {
        static final Policy DEFAULT = new Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    /** What the connection row says: failures since the last success, and the next probe when parked. */
    record State(int failures, Instant parkedUntil, int probeAttempt) {
        static final State CLOSED = new State(0, null, 0);

        boolean parked() {
            return parkedUntil != null;
        }
    }

    /** Before a request: may it go out? */
    sealed interface Gate {
        /** Closed, or this run is the probe. */
        record Send() implements Gate {}

        /** Parked: send nothing, keep the work for the probe to release. */
        record Hold() implements Gate {}
    }

    /** After the answer. */
    sealed interface Verdict {
        /** A success on a healthy connection: nothing to write (the hot path stays free). */
        record Quiet() implements Verdict {}

        /** A success after failures, or a probe that got through: reset, release the held work. */
        record Close() implements Verdict {}

        /** Below the threshold: this booking retries on its own after {@code after}. */
        record Retry(Duration after) implements Verdict {}

        /** Threshold reached, or the probe failed: hold the work, probe once at {@code probeAt}. */
        record Park(Instant probeAt, int probeAttempt) implements Verdict {}
    }

    static Gate beforeSend(State state, boolean probing) {
        return state.parked() && !probing ? new Gate.Hold() : new Gate.Send();
    }

    static Verdict afterSuccess(State state) {
        return state.failures() > 0 || state.parked() ? new Verdict.Close() : new Verdict.Quiet();
    }

    /**
     * @param counted the state after this failure was counted
     * @param attempt how many times this booking has already been retried
     */
    static Verdict afterTransientFailure(State counted, boolean probing, int attempt, Duration retryAfter,
            Instant now, Policy policy, RandomGenerator random) {
        if (probing || counted.parked()) {
            int next = counted.probeAttempt() + 1;
            return new Verdict.Park(now.plus(probeDelay(next, retryAfter, policy, random)), next);
        }
        if (counted.failures() >= policy.threshold()) {
            return new Verdict.Park(now.plus(probeDelay(1, retryAfter, policy, random)), 1);
        }
        return new Verdict.Retry(Backoff.delay(attempt + 1, retryAfter, random));
    }

    /** Full jitter: a uniform draw up to min(base * 2^(n-1), ceiling), never sooner than the server's Retry-After. */
    static Duration probeDelay(int probe, Duration retryAfter, Policy policy, RandomGenerator random) {
        long base = policy.probeBase().toMillis();
        long cap = Math.min(base << Math.min(Math.max(probe - 1, 0), 20), policy.probeCeiling().toMillis());
        Duration delay = Duration.ofMillis(random.nextLong(cap + 1));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}

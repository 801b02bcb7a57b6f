package app.spotter.trainer;

import java.time.Duration;
import java.time.Instant;

/**
 * Progressive delay for password checks, decided purely from what is known about one key (an account or a client
 * address). The first {@link Policy#freeFailures()} failures cost nothing; after that each further failure doubles
 * the wait before the next check is made, up to {@link Policy#maxDelay()}. There is no lock: the real trainer
 * waits at most the cap, however long an attacker keeps guessing. A key forgets its failures after
 * {@link Policy#forgetAfter()} without one.
 */
sealed interface ThrottleDecision {

    /** Check the password now. */
    record Check() implements ThrottleDecision {}

    /** Refuse without checking (no hashing is spent): answer 429 with {@code Retry-After}. */
    record Wait(Duration retryAfter) implements ThrottleDecision {}

    record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {}

    /** Failures since the key last succeeded (or was forgotten), and when the last one was. */
    record Failures(int count, Instant last) {
        static final Failures NONE = new Failures(0, Instant.EPOCH);

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }
    }

    static ThrottleDecision decide(Failures failures, Instant now, Policy policy) {
        if (failures.count() <= policy.freeFailures() - 1 || forgotten(failures, now, policy)) {
            return new Check();
        }
        Instant next = failures.last().plus(delay(failures.count(), policy));
        if (!now.isBefore(next)) {
            return new Check();
        }
        return new Wait(Duration.between(now, next));
    }

    /** The wait after {@code count} failures: doubling from the first delay, capped. */
    static Duration delay(int count, Policy policy) {
        int doublings = Math.min(Math.max(count - policy.freeFailures(), 0), 30);
        Duration delay = policy.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    static boolean forgotten(Failures failures, Instant now, Policy policy) {
        return !now.isBefore(failures.last().plus(policy.forgetAfter()));
    }
}

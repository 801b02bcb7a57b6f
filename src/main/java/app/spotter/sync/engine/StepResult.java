package app.spotter.sync.engine;

import java.time.Duration;

/** How one booking ended with one calendar, for the reconcile job to combine. */
sealed interface StepResult {

    /** The calendar matches the booking (or failed for good, which the status shows). */
    record Settled() implements StepResult {}

    /** A transient failure below the breaker's threshold: run this booking again later. */
    record RetryIn(Duration after) implements StepResult {}

    /** The connection is parked: the work waits for its probe (nothing was sent). */
    record Held() implements StepResult {}

    StepResult SETTLED = new Settled();
    StepResult HELD = new Held();
}

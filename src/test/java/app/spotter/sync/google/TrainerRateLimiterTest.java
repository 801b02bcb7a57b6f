package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainerRateLimiterTest {

    private final TokenBucketTest.FakeClock clock = new TokenBucketTest.FakeClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final TrainerRateLimiter limiter = new TrainerRateLimiter(clock, d -> {
        sleeps.add(d);
        clock.advance(d);
    }, Duration.ofSeconds(2));

    @Test
    void aBurstWithinTheBucketGoesThroughWithoutWaiting() throws SyncFailure {
        UUID trainer = UUID.randomUUID();
        for (int i = 0; i < TrainerRateLimiter.BURST; i++) {
            limiter.acquire(trainer);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void theNextRequestAfterTheBurstWaitsOneRefillInterval() throws SyncFailure {
        UUID trainer = UUID.randomUUID();
        for (int i = 0; i <= TrainerRateLimiter.BURST; i++) {
            limiter.acquire(trainer);
        }
        assertThat(sleeps).containsExactly(TrainerRateLimiter.REFILL);
    }

    @Test
    void oneTrainersBurstDoesNotSlowAnotherTrainerDown() throws SyncFailure {
        UUID busy = UUID.randomUUID();
        for (int i = 0; i < TrainerRateLimiter.BURST; i++) {
            limiter.acquire(busy);
        }
        limiter.acquire(UUID.randomUUID());
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aWaitLongerThanTheLimitBecomesATransientFailureWithRetryAfter() throws SyncFailure {
        UUID trainer = UUID.randomUUID();
        TrainerRateLimiter impatient = new TrainerRateLimiter(clock, d -> {}, Duration.ofMillis(50));
        for (int i = 0; i < TrainerRateLimiter.BURST; i++) {
            impatient.acquire(trainer);
        }
        assertThatThrownBy(() -> impatient.acquire(trainer))
                .isInstanceOfSatisfying(SyncFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                    assertThat(f.retryAfter()).isEqualTo(TrainerRateLimiter.REFILL);
                });
    }
}

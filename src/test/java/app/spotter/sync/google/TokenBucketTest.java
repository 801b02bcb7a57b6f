package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    /** A clock the test moves by hand. */
    static final class FakeClock implements InstantSource {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeClock clock = new FakeClock();

    @Test
    void aFullBucketGrantsItsCapacityAtOnceAndThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(1), clock);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(400));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void tokensComeBackOnePerIntervalAndNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), clock);
        bucket.tryTake();
        bucket.tryTake();

        clock.advance(Duration.ofMillis(1500));
        assertThat(bucket.tryTake()).isZero();
        // the half interval already elapsed counts towards the next token
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofHours(1));
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void aTrainerNeverGetsMoreThan600RequestsIntoAnyMinute() {
        TokenBucket bucket = new TokenBucket(TrainerRateLimiter.BURST, TrainerRateLimiter.REFILL, clock);
        Deque<Instant> granted = new ArrayDeque<>();
        int most = 0;
        // A greedy caller asking every 7 ms for ten minutes, checked over a sliding one-minute window.
        for (int step = 0; step < 10 * 60_000 / 7; step++) {
            if (bucket.tryTake().isZero()) {
                granted.addLast(clock.instant());
            }
            while (!granted.isEmpty() && !granted.peekFirst().isAfter(clock.instant().minus(Duration.ofMinutes(1)))) {
                granted.removeFirst();
            }
            most = Math.max(most, granted.size());
            clock.advance(Duration.ofMillis(7));
        }
        assertThat(most).isLessThanOrEqualTo(600).isGreaterThan(590);
    }
}

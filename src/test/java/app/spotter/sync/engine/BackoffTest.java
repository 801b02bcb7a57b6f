package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "retry {0} waits between 0 and {1}s")
    @CsvSource({"1,2", "2,4", "3,8", "4,16", "5,32", "6,64", "30,64"})
    void eachRetryWaitsAUniformDrawUpToACapThatDoublesTo64Seconds(int attempt, int seconds) {
        for (int seed = 0; seed < 50; seed++) {
            Duration d = Backoff.delay(attempt, null, new Random(seed));
            assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(seconds));
        }
    }

    @Test
    void bookingsThatFailedTogetherDoNotRetryTogetherEvenAtTheCeiling() {
        Random random = new Random(7);
        java.util.Set<Long> seconds = new java.util.HashSet<>();
        for (int booking = 0; booking < 1000; booking++) {
            seconds.add(Backoff.delay(30, null, random).toSeconds());
        }
        // spread over the whole 0-64 s window, not one instant (it was exactly 64 s for everybody)
        assertThat(seconds).hasSizeGreaterThan(60);
    }

    @Test
    void aLongerRetryAfterFromTheServerWins() {
        assertThat(Backoff.delay(1, Duration.ofSeconds(120), new Random(1))).isEqualTo(Duration.ofSeconds(120));
        for (int seed = 0; seed < 50; seed++) {
            assertThat(Backoff.delay(3, Duration.ofSeconds(5), new Random(seed)))
                    .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
        }
    }
}

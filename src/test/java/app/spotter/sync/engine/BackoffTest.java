package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "retry {0} waits {1}s plus up to 1s")
    @CsvSource({"1,2", "2,4", "3,8", "4,16", "5,32"})
    void delaysDoubleWithUpToOneSecondOfJitter(int attempt, int seconds) {
        for (int seed = 0; seed < 50; seed++) {
            Duration d = Backoff.delay(attempt, null, new Random(seed));
            assertThat(d).isBetween(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds).plusSeconds(1));
        }
    }

    @Test
    void delaysStopGrowingAt64Seconds() {
        assertThat(Backoff.delay(6, null, new Random(1))).isEqualTo(Duration.ofSeconds(64));
        assertThat(Backoff.delay(30, null, new Random(1))).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void aLongerRetryAfterFromTheServerWins() {
        assertThat(Backoff.delay(1, Duration.ofSeconds(120), new Random(1))).isEqualTo(Duration.ofSeconds(120));
        assertThat(Backoff.delay(3, Duration.ofSeconds(1), new Random(1))).isGreaterThan(Duration.ofSeconds(7));
    }
}

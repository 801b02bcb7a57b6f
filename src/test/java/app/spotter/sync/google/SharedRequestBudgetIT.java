package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Google's 600 requests per minute per user hold for all Spotter instances together: two limiters (as two
 * instances have) on one database share one bucket per trainer. Counting per instance allowed twice as many.
 */
class SharedRequestBudgetIT extends SpotterIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesTogetherGetOneBurstAndThenTheRefillRateNotTwoBursts() {
        UUID trainer = trainerId(newTrainer());
        RequestBudget first = new SharedRequestBudget(jdbc, TrainerRateLimiter.BURST, TrainerRateLimiter.REFILL);
        RequestBudget second = new SharedRequestBudget(jdbc, TrainerRateLimiter.BURST, TrainerRateLimiter.REFILL);

        long started = System.nanoTime();
        int granted = 0;
        Duration lastWait = Duration.ZERO;
        for (int i = 0; i < 2 * TrainerRateLimiter.BURST; i++) {
            Duration wait = (i % 2 == 0 ? first : second).tryTake(trainer);
            if (wait.isZero()) {
                granted++;
            } else {
                lastWait = wait;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // one burst of 50, plus what refilled (550 a minute) while the loop ran
        int allowed = TrainerRateLimiter.BURST + (int) Math.ceil(seconds * 550 / 60);
        assertThat(granted).as("granted in %.2f s", seconds).isBetween(TrainerRateLimiter.BURST, allowed);
        assertThat(lastWait).as("an empty bucket says when the next token is due")
                .isPositive().isLessThanOrEqualTo(TrainerRateLimiter.REFILL.plusMillis(5));

        // another trainer has a bucket of their own
        assertThat(first.tryTake(trainerId(newTrainer()))).isZero();
    }

    @Test
    void aLimiterOverTheSharedBudgetWaitsForTheRefillOnceTheBurstIsSpent() throws Exception {
        UUID trainer = trainerId(newTrainer());
        java.util.List<Duration> slept = new java.util.ArrayList<>();
        TrainerRateLimiter a = new TrainerRateLimiter(new SharedRequestBudget(jdbc, TrainerRateLimiter.BURST,
                TrainerRateLimiter.REFILL), d -> { slept.add(d); Thread.sleep(d); }, Duration.ofSeconds(2));
        TrainerRateLimiter b = new TrainerRateLimiter(new SharedRequestBudget(jdbc, TrainerRateLimiter.BURST,
                TrainerRateLimiter.REFILL), d -> { slept.add(d); Thread.sleep(d); }, Duration.ofSeconds(2));
        long started = System.nanoTime();
        int withoutWaiting = 0;
        while (slept.isEmpty() && withoutWaiting < 1000) {
            (withoutWaiting % 2 == 0 ? a : b).acquire(trainer);
            if (slept.isEmpty()) {
                withoutWaiting++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the two limiters together went through one burst (plus the refill meanwhile), then had to wait
        assertThat(slept).isNotEmpty();
        assertThat(withoutWaiting).as("acquired without waiting in %.2f s", seconds)
                .isBetween(TrainerRateLimiter.BURST, TrainerRateLimiter.BURST + (int) Math.ceil(seconds * 550 / 60));
    }

    private static UUID trainerId(ApiClient api) {
        return UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
    }
}

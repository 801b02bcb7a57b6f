package app.spotter.sync.google;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-trainer bucket kept in PostgreSQL ({@code google_request_budget}), so two instances together stay
 * within Google's 600 requests per minute per user (each counting alone allowed 1,200). One statement takes a
 * token: the refill is computed from the database's clock (one clock for every instance) and the row lock
 * serialises concurrent takers. Only when the bucket is empty does a second statement ask how long to wait.
 */
final class SharedRequestBudget implements RequestBudget {

    private final JdbcClient jdbc;
    private final int burst;
    private final double perSecond;

    SharedRequestBudget(JdbcClient jdbc, int burst, Duration refill) {
        this.jdbc = jdbc;
        this.burst = burst;
        this.perSecond = 1e9 / refill.toNanos();
    }

    @Override
    public Duration tryTake(UUID trainerId) {
        boolean taken = jdbc.sql("""
                INSERT INTO google_request_budget AS b (trainer_id, tokens, refilled_at)
                VALUES (?, ? - 1, clock_timestamp())
                ON CONFLICT (trainer_id) DO UPDATE
                   SET tokens = LEAST(?, b.tokens + extract(epoch FROM clock_timestamp() - b.refilled_at) * ?) - 1,
                       refilled_at = clock_timestamp()
                 WHERE LEAST(?, b.tokens + extract(epoch FROM clock_timestamp() - b.refilled_at) * ?) >= 1
                RETURNING 1""")
                .params(trainerId, (double) burst, (double) burst, perSecond, (double) burst, perSecond)
                .query(Integer.class).optional().isPresent();
        if (taken) {
            return Duration.ZERO;
        }
        double missing = jdbc.sql("""
                SELECT 1 - LEAST(?, tokens + extract(epoch FROM clock_timestamp() - refilled_at) * ?)
                  FROM google_request_budget WHERE trainer_id = ?""")
                .params((double) burst, perSecond, trainerId).query(Double.class).optional().orElse(0.0);
        return Duration.ofNanos(Math.max(1_000_000L, (long) Math.ceil(missing / perSecond * 1e9)));
    }
}

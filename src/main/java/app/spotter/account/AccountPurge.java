package app.spotter.account;

import app.spotter.client.Clients;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The second half of erasure. A deleted account's rows go once the sync engine has taken every one of its events
 * out of every calendar (no mirror row, no pending work left), so nothing Spotter pushed outlives the account; an
 * erased client's last detail (the address a CANCEL went to) goes the same way. A calendar that never drains (its
 * connection needs a reconnect that will not come) holds an account for at most {@link #LONGEST_DRAIN}.
 * Idempotent, so every instance may run it.
 */
@Component
class AccountPurge {

    static final Duration LONGEST_DRAIN = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(AccountPurge.class);

    /**
     * Tables holding a trainer's rows, children before parents; tables added later that reference trainers with
     * ON DELETE CASCADE go with the trainer row itself.
     */
    private static final List<String> STATEMENTS = List.of(
            "DELETE FROM calendar_events WHERE trainer_id = ? OR booking_id IN (SELECT id FROM bookings WHERE trainer_id = ?)",
            "DELETE FROM sync_pending WHERE trainer_id = ? OR booking_id IN (SELECT id FROM bookings WHERE trainer_id = ?)",
            "DELETE FROM bookings WHERE trainer_id = ? OR trainer_id = ?",
            "DELETE FROM clients WHERE trainer_id = ? OR trainer_id = ?",
            "DELETE FROM calendar_sync_status WHERE trainer_id = ? OR trainer_id = ?",
            "DELETE FROM calendar_sync_preferences WHERE trainer_id = ? OR trainer_id = ?",
            "DELETE FROM trainers WHERE id = ? OR id = ?");

    private final Trainers trainers;
    private final Clients clients;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountPurge(Trainers trainers, Clients clients, JdbcClient jdbc, Clock clock) {
        this.trainers = trainers;
        this.clients = clients;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${spotter.purge.interval:PT10S}", fixedDelayString = "${spotter.purge.interval:PT10S}")
    void run() {
        try {
            clients.scrubDrainedErasures();
            for (Map.Entry<UUID, Instant> deleting : trainers.deleting()) {
                if (drained(deleting.getKey())
                        || deleting.getValue().isBefore(clock.instant().minus(LONGEST_DRAIN))) {
                    purge(deleting.getKey());
                }
            }
        } catch (DataAccessException e) {
            log.warn("Account purge will try again: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** True when no calendar holds any of the trainer's events and no calendar work is waiting. */
    boolean drained(UUID trainerId) {
        return jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM calendar_events e
                                    WHERE e.trainer_id = ? OR e.booking_id IN (SELECT id FROM bookings WHERE trainer_id = ?))
                   AND NOT EXISTS (SELECT 1 FROM sync_pending WHERE trainer_id = ?)""")
                .params(trainerId, trainerId, trainerId).query(Boolean.class).single();
    }

    private void purge(UUID trainerId) {
        for (String statement : STATEMENTS) {
            jdbc.sql(statement).params(trainerId, trainerId).update();
        }
        log.info("Deleted account {} and all its data", trainerId);
    }
}

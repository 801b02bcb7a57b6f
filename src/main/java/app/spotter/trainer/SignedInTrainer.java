package app.spotter.trainer;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The principal of an authenticated request: the id, nothing secret.
 *
 * @param zone the trainer's zone as read while authenticating an API request (one query instead of two per
 *     request); null for browser sessions, which outlive a change of zone and so always read it afresh
 */
public record SignedInTrainer(UUID id, ZoneId zone) implements Serializable {

    public SignedInTrainer(UUID id) {
        this(id, null);
    }
}

package app.spotter.trainer;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The principal of an authenticated request: the id, nothing secret.
 *
 * @param zone the trainer's zone as read while authenticating an API request (one query instead of two per
 *     request); null for browser sessions, which outlive a change of zone and so always read it afresh
 * @param credentialsVersion the trainer's credentials version when this sign-in happened: a browser session from
 *     before a password change or reset no longer matches and is ended
 * @param tokenHash the SHA-256 of the API token this request came with (null for browser sessions): a password
 *     change keeps the token it was made with and revokes every other one
 */
public record SignedInTrainer(UUID id, ZoneId zone, int credentialsVersion, byte[] tokenHash)
        implements Serializable {

    public SignedInTrainer(UUID id, int credentialsVersion) {
        this(id, null, credentialsVersion, null);
    }
}

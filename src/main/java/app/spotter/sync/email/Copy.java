package app.spotter.sync.email;

import java.util.UUID;

/**
 * One copy of an invitation as it should be now: who gets it and a fingerprint of what it shows.
 *
 * @param clientId the client this copy is for; null for the trainer's copy
 * @param parts for a series, what the copy shows part by part (master, overrides, exclusions); else null
 */
record Copy(Recipient recipient, UUID clientId, String fingerprint, SeriesParts parts) {

    /** A single session's copy (no series parts). */
    Copy(Recipient recipient, UUID clientId, String fingerprint) {
        this(recipient, clientId, fingerprint, null);
    }

    boolean client() {
        return recipient.isClient();
    }

    String address() {
        return recipient.email();
    }
}

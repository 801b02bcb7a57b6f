package app.spotter.sync.email;

import java.util.UUID;

/**
 * One copy of an invitation as it should be now: who gets it and a fingerprint of what it shows.
 *
 * @param clientId the client this copy is for; null for the trainer's copy
 */
record Copy(Recipient recipient, UUID clientId, String fingerprint) {

    boolean client() {
        return recipient.isClient();
    }

    String address() {
        return recipient.email();
    }
}

package app.spotter.sync.email;

import java.util.UUID;

/**
 * What one recipient last received of a booking (an {@code email_invitation_copies} row).
 *
 * @param clientId the client the copy was for; null for the trainer's copy
 * @param fingerprint of what that copy showed ({@link Copies})
 * @param sequence the SEQUENCE it carried; the next copy to that address must go above it (RFC 5546 2.1.4)
 * @param parts for a series, what the recipient holds part by part; null for a single session or unknown
 */
record SentCopy(boolean client, UUID clientId, String address, String fingerprint, int sequence,
        SeriesParts parts) {

    SentCopy(boolean client, UUID clientId, String address, String fingerprint, int sequence) {
        this(client, clientId, address, fingerprint, sequence, null);
    }
}

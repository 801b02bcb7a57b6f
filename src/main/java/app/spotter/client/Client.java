package app.spotter.client;

import java.time.Instant;
import java.util.UUID;

/** One of a trainer's clients. {@code consentGivenAt} records POPIA s11 consent to process their details. */
public record Client(UUID id, UUID trainerId, String firstName, String lastName, String email, String phone,
        Instant consentGivenAt) {

    /** How the client's name appears in calendars when the trainer allows names. */
    public String displayName() {
        return (firstName + " " + lastName).strip();
    }
}

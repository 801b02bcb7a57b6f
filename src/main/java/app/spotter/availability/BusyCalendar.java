package app.spotter.availability;

import java.time.Instant;
import java.util.UUID;

/**
 * One calendar of a connected account, as Spotter remembers it for busy times.
 *
 * @param readState what the last read saw (ctag, sync token, or a fingerprint of the answer): unchanged means
 *     the stored intervals are current
 * @param readError why the last read failed, or null
 */
public record BusyCalendar(UUID id, String provider, String externalId, String name, boolean busy,
        boolean spotterCalendar, String readState, Instant lastRead, String readError) {

    /** How the trainer reads it in a conflict: "iCloud · Personal", "Google · Work". */
    public String label() {
        return service() + " · " + name;
    }

    /** The service alone, as a busy block may show it with the trainer's consent: "iCloud", "Google". */
    public String service() {
        return switch (provider) {
            case "apple" -> "iCloud";
            case "google" -> "Google";
            default -> provider;
        };
    }
}

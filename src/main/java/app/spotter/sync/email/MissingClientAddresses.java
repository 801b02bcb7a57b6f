package app.spotter.sync.email;

import app.spotter.booking.Bookings;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.sync.Connection;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The email calendar's note for the trainer: clients with upcoming sessions but no email address get no
 * invitation. Computed when the status is read, so it is right the moment the trainer adds an address.
 */
@Component
class MissingClientAddresses {

    private final Bookings bookings;
    private final Clients clients;
    private final Clock clock;

    MissingClientAddresses(Bookings bookings, Clients clients, Clock clock) {
        this.bookings = bookings;
        this.clients = clients;
        this.clock = clock;
    }

    /** A sentence for {@code error_message}, or null when every client who should be invited can be. */
    String note(Connection connection) {
        UUID trainerId = connection.trainerId();
        boolean toClients = Boolean.parseBoolean(connection.setting("send_to_clients"));
        if (!toClients) {
            return null;
        }
        Set<UUID> upcoming = bookings.scheduledFrom(trainerId, clock.instant()).stream()
                .flatMap(b -> b.clientIds().stream()).collect(Collectors.toSet());
        long missing = clients.list(trainerId).stream()
                .filter(c -> upcoming.contains(c.id()) && blank(c)).count();
        if (missing == 0) {
            return null;
        }
        return missing == 1
                ? "1 client with upcoming sessions has no email address; they get no invitations."
                : missing + " clients with upcoming sessions have no email address; they get no invitations.";
    }

    private static boolean blank(Client c) {
        return c.email() == null || c.email().isBlank();
    }
}

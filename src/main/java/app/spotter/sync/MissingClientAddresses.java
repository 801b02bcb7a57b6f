package app.spotter.sync;

import app.spotter.booking.Bookings;
import app.spotter.client.Client;
import app.spotter.client.Clients;
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

    private final ConnectionStore connections;
    private final Bookings bookings;
    private final Clients clients;
    private final Clock clock;

    MissingClientAddresses(ConnectionStore connections, Bookings bookings, Clients clients, Clock clock) {
        this.connections = connections;
        this.bookings = bookings;
        this.clients = clients;
        this.clock = clock;
    }

    /** A sentence for {@code error_message}, or null when every client who should be invited can be. */
    String note(UUID trainerId) {
        boolean toClients = connections.find(trainerId, Provider.EMAIL)
                .map(s -> Boolean.parseBoolean(s.connection().setting("send_to_clients"))).orElse(false);
        if (!toClients) {
            return null;
        }
        Set<UUID> upcoming = bookings.scheduledFrom(trainerId, clock.instant()).stream()
                .map(b -> b.details().clientId()).collect(Collectors.toSet());
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

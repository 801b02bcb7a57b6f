package app.spotter.account;

import app.spotter.availability.Availability;
import app.spotter.booking.Booking;
import app.spotter.booking.BookingView;
import app.spotter.booking.Bookings;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.feed.Feeds;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.trainer.Trainer;
import app.spotter.trainer.Trainers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The data subject's rights (POPIA s23 access, s24 correction and deletion) across modules: a client's export and
 * erasure, the trainer's export and account deletion. Secrets (password hash, token hashes, calendar credentials,
 * the feed URL) are never part of an export.
 */
@Service
public class AccountData {

    /** @param privateNotes the trainer's notes about the client: personal information too (POPIA s23) */
    record ClientExport(UUID id, String firstName, String lastName, String email, String phone,
            Instant consentGivenAt, String privateNotes, List<BookingView> sessions) {}

    private final Trainers trainers;
    private final Clients clients;
    private final Bookings bookings;
    private final Preferences preferences;
    private final Feeds feeds;
    private final Availability availability;
    private final ObjectMapper json;

    AccountData(Trainers trainers, Clients clients, Bookings bookings, Preferences preferences, Feeds feeds,
            Availability availability, ObjectMapper json) {
        this.availability = availability;
        this.trainers = trainers;
        this.clients = clients;
        this.bookings = bookings;
        this.preferences = preferences;
        this.feeds = feeds;
        this.json = json;
    }

    ClientExport exportClient(UUID trainerId, UUID clientId) {
        Client c = clients.get(trainerId, clientId);
        ZoneId zone = trainers.zone(trainerId);
        return new ClientExport(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(), c.consentGivenAt(),
                clients.notes(trainerId, clientId), bookings.ofClient(trainerId, clientId).stream().map(b -> BookingView.of(b, zone)).toList());
    }

    /**
     * Erases a client: their sessions are deleted through the booking module (every calendar drops the events,
     * an invited client is sent a CANCEL), the sessions' notes and locations cleared, and the client row reduced
     * to anonymous counts. One transaction: all of it or nothing.
     */
    @Transactional
    public void eraseClient(UUID trainerId, UUID clientId) {
        clients.get(trainerId, clientId);
        String counts = bookings.eraseSessionsOf(trainerId, clientId);
        clients.erase(trainerId, clientId, counts);
    }

    /** Everything of the trainer's as one JSON object, written as it is read (bookings from a cursor). */
    @Transactional(readOnly = true)
    public void exportAccount(UUID trainerId, OutputStream out) throws IOException {
        Trainer trainer = trainers.get(trainerId);
        SyncPreferences prefs = preferences.get(trainerId);
        ZoneId zone = trainer.timezone();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("trainer");
            g.writePOJO(Map.of("id", trainer.id(), "name", trainer.name(), "email", trainer.email(),
                    "timezone", zone.getId()));
            g.writeName("preferences");
            g.writePOJO(prefs);
            g.writeName("api_tokens");
            g.writePOJO(trainers.tokens(trainerId));
            g.writeName("clients");
            g.writePOJO(clients.all(trainerId));
            g.writeName("availability");
            g.writePOJO(availability.export(trainerId));
            g.writeName("bookings");
            g.writeStartArray();
            try {
                bookings.streamVisible(trainerId, (Booking b) -> g.writePOJO(BookingView.of(b, zone)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Account deletion, once the password is confirmed: sign-in ends at once, the feed URL goes, and every booking
     * is deleted through the booking module so the sync engine removes each pushed event (and sends CANCELs).
     * {@link AccountPurge} removes the rows once no calendar holds any of them.
     */
    @Transactional
    public void deleteAccount(UUID trainerId, String password, String address) {
        trainers.beginDeletion(trainerId, password, address);
        feeds.revoke(trainerId);
        bookings.deleteAll(trainerId);
    }
}

package app.spotter.sync.email;

import app.spotter.preferences.SyncPreferences;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.ItipMethod;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import app.spotter.trainer.Trainer;
import app.spotter.trainer.Trainers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The email calendar: iMIP (RFC 6047) invitations. A new or changed booking sends METHOD:REQUEST, a cancelled or
 * deleted one METHOD:CANCEL, always with the booking's UID. The sync engine decides when (content hash: an
 * unchanged booking sends nothing) and retries failures with backoff, so an invitation survives a mail server
 * outage and a restart.
 *
 * <p>Retrying after a partial send (the client's copy went, the trainer's failed) sends the client's copy again.
 * That is harmless: it carries the same UID and SEQUENCE, which a calendar reads as the version it already has
 * (RFC 5546 2.1.5).
 */
@Component
class EmailCalendarProvider implements CalendarProvider {

    private final Trainers trainers;
    private final Clients clients;
    private final InvitationWriter writer;
    private final InvitationMailer sender;
    private final MissingClientAddresses missingAddresses;

    EmailCalendarProvider(Trainers trainers, Clients clients, InvitationWriter writer, InvitationMailer sender,
            MissingClientAddresses missingAddresses) {
        this.missingAddresses = missingAddresses;
        this.trainers = trainers;
        this.clients = clients;
        this.writer = writer;
        this.sender = sender;
    }

    @Override
    public Provider provider() {
        return Provider.EMAIL;
    }

    @Override
    public boolean enabled(SyncPreferences p) {
        return p.emailCalendarEnabled();
    }

    @Override
    public SyncPreferences withEnabled(SyncPreferences p, boolean on) {
        return new SyncPreferences(p.trainerId(), p.googleCalendarEnabled(), p.appleCalendarEnabled(), on, p.syncFrequency(), p.calendarViewDefault(),
                p.showClientNames(), p.sessionColors(), p.timezoneDisplay());
    }

    /** Nothing to read back: email is one-way, so it gets no sync rounds. */
    @Override
    public boolean readsChanges() {
        return false;
    }

    @Override
    public String statusNote(Connection connection) {
        return missingAddresses.note(connection);
    }

    /** Sends a REQUEST; the sequence sent is remembered as the "etag", so a later CANCEL can go above it. */
    @Override
    public RemoteEvent upsert(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        send(connection, event, ItipMethod.REQUEST);
        return new RemoteEvent(event.uid(), String.valueOf(event.sequence()), null);
    }

    @Override
    public void remove(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        if (event == null) {
            return; // the booking is gone entirely; the engine only purges after every calendar let go of it
        }
        // RFC 5546 3.2.5: a CANCEL's SEQUENCE must exceed the REQUEST's, or calendars ignore it. Cancelling raises
        // the booking's sequence already; "disconnect and remove events" cancels scheduled bookings, which did not
        send(connection, withSequenceAbove(event, lastSent(previous)), ItipMethod.CANCEL);
    }

    /** Nothing to read back: email is one-way, so a sync round costs no request. */
    @Override
    public RemoteChanges changesSince(Connection connection, String syncToken) {
        return new RemoteChanges(null, Map.of(), Set.of(), false);
    }

    private void send(Connection connection, CalendarEvent event, ItipMethod method) throws SyncFailure {
        Trainer trainer = trainers.get(connection.trainerId());
        Client client = event.clientId() == null ? null
                : clients.find(connection.trainerId(), event.clientId()).orElse(null);
        List<Recipient> recipients = Recipients.of(connection, event, client, trainer);
        for (Recipient recipient : recipients) {
            sender.send(writer.write(event, recipient, trainer, method));
        }
    }

    private static int lastSent(RemoteEvent previous) {
        if (previous == null || previous.etag() == null) {
            return -1;
        }
        try {
            return Integer.parseInt(previous.etag());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static CalendarEvent withSequenceAbove(CalendarEvent e, int lastSent) {
        if (e.sequence() > lastSent) {
            return e;
        }
        return new CalendarEvent(e.bookingId(), e.trainerId(), e.clientId(), e.uid(), e.summary(), e.sessionType(),
                e.location(), e.start(), e.end(), e.zone(), e.colorHex(), lastSent + 1, e.cancelled());
    }
}

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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The email calendar: iMIP (RFC 6047) invitations, one copy per recipient (the trainer's address, each participant).
 * The sync engine decides when to look (its fingerprint covers every copy and who gets it); this provider then
 * decides per copy ({@link CopyDecision}) and sends only the copies whose content or recipient changed, remembering
 * each in {@link EmailCopyStore}. A failure for one recipient never stops another's copy; the engine retries what
 * failed, and copies already sent are not sent twice.
 */
@Component
class EmailCalendarProvider implements CalendarProvider {

    private final Trainers trainers;
    private final Clients clients;
    private final InvitationWriter writer;
    private final InvitationMailer sender;
    private final EmailCopyStore copies;
    private final MissingClientAddresses missingAddresses;

    EmailCalendarProvider(Trainers trainers, Clients clients, InvitationWriter writer, InvitationMailer sender,
            EmailCopyStore copies, MissingClientAddresses missingAddresses) {
        this.missingAddresses = missingAddresses;
        this.trainers = trainers;
        this.clients = clients;
        this.writer = writer;
        this.sender = sender;
        this.copies = copies;
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
    public String cannotConnectReason() {
        return sender.notConfiguredReason();
    }

    @Override
    public String statusNote(Connection connection) {
        return missingAddresses.note(connection);
    }

    @Override
    public String fingerprint(Connection connection, CalendarEvent event) {
        return Copies.fingerprint(desired(connection, event));
    }

    /** Sends the copies that changed; the highest sequence sent is remembered as the "etag". */
    @Override
    public RemoteEvent upsert(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        List<Copy> wanted = desired(connection, event);
        List<SentCopy> sent = copies.find(connection.trainerId(), event.bookingId());
        Failures failures = new Failures();
        int highest = event.sequence();
        // one place per person: the trainer's copy, and each client's (so adding or removing a participant of a
        // group session sends that person alone a REQUEST or CANCEL)
        Set<String> places = new LinkedHashSet<>();
        wanted.forEach(c -> places.add(place(c.client(), c.clientId())));
        sent.forEach(c -> places.add(place(c.client(), c.clientId())));
        for (String place : places) {
            Copy copy = wanted.stream().filter(c -> place(c.client(), c.clientId()).equals(place)).findFirst()
                    .orElse(null);
            SentCopy last = sent.stream().filter(c -> place(c.client(), c.clientId()).equals(place)).findFirst()
                    .orElse(null);
            highest = Math.max(highest, apply(connection, event,
                    CopyDecision.decide(copy, last, event.sequence()), failures));
        }
        failures.throwIfAny();
        return new RemoteEvent(event.uid(), String.valueOf(highest), null);
    }

    @Override
    public void remove(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        if (event == null) {
            return; // the booking is gone entirely; the engine only purges after every calendar let go of it
        }
        List<SentCopy> sent = copies.find(connection.trainerId(), event.bookingId());
        if (sent.isEmpty()) {
            // written before copies were remembered one by one: cancel to today's recipients. RFC 5546 3.2.5: a
            // CANCEL's SEQUENCE must exceed the REQUEST's, or calendars ignore it
            int sequence = Math.max(event.sequence(), lastSent(previous) + 1);
            Failures failures = new Failures();
            for (Copy copy : desired(connection, event)) {
                failures.attempt(() -> sender.send(writer.write(event.withSequence(sequence), copy.recipient(),
                        trainer(connection), ItipMethod.CANCEL, false)));
            }
            failures.throwIfAny();
            return;
        }
        Failures failures = new Failures();
        for (SentCopy last : sent) {
            apply(connection, event, CopyDecision.decide(null, last, event.sequence()), failures);
        }
        failures.throwIfAny();
    }

    /** Nothing to read back: email is one-way, so a sync round costs no request. */
    @Override
    public RemoteChanges changesSince(Connection connection, String syncToken) {
        return new RemoteChanges(null, Map.of(), Set.of(), false);
    }

    /** @return the highest SEQUENCE sent */
    private int apply(Connection connection, CalendarEvent event, List<CopyStep> steps, Failures failures) {
        int highest = -1;
        for (CopyStep step : steps) {
            switch (step) {
                case CopyStep.Cancel cancel -> {
                    Optional<SyncFailure> failure = failures.attempt(() -> sender.send(writer.write(
                            event.withSequence(cancel.sequence()), oldRecipient(connection, event, cancel.old()),
                            trainer(connection), ItipMethod.CANCEL, false)));
                    if (failure.isPresent() && failure.get().kind() != SyncFailure.Kind.PERMANENT) {
                        return highest; // the old address must hear first; a refused one never will
                    }
                    copies.delete(connection.trainerId(), event.bookingId(), cancel.old());
                    highest = Math.max(highest, cancel.sequence());
                }
                case CopyStep.Request request -> {
                    Copy copy = request.copy();
                    Optional<SyncFailure> failure = failures.attempt(() -> sender.send(writer.write(
                            event.withSequence(request.sequence()), copy.recipient(), trainer(connection),
                            ItipMethod.REQUEST, !request.firstToThisAddress())));
                    if (failure.isEmpty()) {
                        copies.save(connection.trainerId(), event.bookingId(), new SentCopy(copy.client(),
                                copy.clientId(), copy.address(), copy.fingerprint(), request.sequence(),
                                copy.parts()));
                        highest = Math.max(highest, request.sequence());
                    }
                }
                case CopyStep.Occurrence one -> {
                    Optional<SyncFailure> failure = failures.attempt(() -> sender.send(writer.writeOccurrence(
                            event.withSequence(one.sequence()), one.recurrenceId(), one.cancel(),
                            one.copy().recipient(), trainer(connection))));
                    if (failure.isPresent()) {
                        return highest; // the later exceptions wait: what the recipient holds stays known
                    }
                    copies.save(connection.trainerId(), event.bookingId(), one.after());
                    highest = Math.max(highest, one.sequence());
                }
            }
        }
        return highest;
    }

    private List<Copy> desired(Connection connection, CalendarEvent event) {
        if (event.cancelled()) {
            return List.of();
        }
        List<Client> participants = event.clientIds().stream()
                .map(id -> clients.find(connection.trainerId(), id)).flatMap(Optional::stream).toList();
        return Copies.of(connection, event, participants, trainer(connection));
    }

    private static String place(boolean client, java.util.UUID clientId) {
        return client ? "client:" + clientId : "trainer";
    }

    private Trainer trainer(Connection connection) {
        return trainers.get(connection.trainerId());
    }

    /** Who a copy went to last time: the trainer, or a client (named when Spotter still knows them). */
    private Recipient oldRecipient(Connection connection, CalendarEvent event, SentCopy old) {
        if (!old.client()) {
            return new Recipient(old.address(), trainer(connection).name(), event.summary(), false);
        }
        Client client = old.clientId() == null ? null
                : clients.find(connection.trainerId(), old.clientId()).orElse(null);
        String name = client == null ? null : client.displayName();
        return new Recipient(old.address(), name,
                app.spotter.calendar.CalendarObjects.summaryFor(event.sessionType(), name, true), true);
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

    /** Collects per-recipient failures so that one never stops another; a transient one is reported first. */
    private static final class Failures {

        interface Send {
            void run() throws SyncFailure;
        }

        private final List<SyncFailure> all = new ArrayList<>(2);

        Optional<SyncFailure> attempt(Send send) {
            try {
                send.run();
                return Optional.empty();
            } catch (SyncFailure failure) {
                all.add(failure);
                return Optional.of(failure);
            }
        }

        void throwIfAny() throws SyncFailure {
            for (SyncFailure failure : all) {
                if (failure.kind() != SyncFailure.Kind.PERMANENT) {
                    throw failure;
                }
            }
            if (!all.isEmpty()) {
                throw all.getFirst();
            }
        }
    }
}

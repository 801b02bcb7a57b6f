package app.spotter.sync.email;

import app.spotter.calendar.Attendee;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.calendar.ItipMethod;
import app.spotter.calendar.Organizer;
import app.spotter.trainer.Trainer;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Builds one recipient's invitation: the iTIP object from the shared renderer, and the text and HTML bodies.
 *
 * <p>ORGANIZER is Spotter's sending address with the trainer's name as CN, not the trainer's own address: a
 * calendar that receives an invitation whose ORGANIZER is its own user treats it as "I sent this" and does not
 * add it (Google Calendar ignores it), which would leave the trainer's calendar empty; and an ORGANIZER that
 * differs from the From domain makes Gmail and Outlook flag the invitation as possibly forged. People reach the
 * trainer through Reply-To and the body. Clients' iTIP replies reach Spotter's address: when its mailbox is read
 * ({@code spotter.mail.imap.host}), the client's copy asks for them (RSVP=TRUE) and {@link ReplyPoller} records
 * them; otherwise it asks for none.
 */
@Component
class InvitationWriter {

    private final CalendarObjects calendars;
    private final ITemplateEngine templates;
    private final InvitationMailer sender;

    private final boolean readsReplies;

    InvitationWriter(CalendarObjects calendars, ITemplateEngine templates, InvitationMailer sender,
            @Value("${spotter.mail.imap.host:}") String imapHost) {
        this.calendars = calendars;
        this.templates = templates;
        this.sender = sender;
        this.readsReplies = !imapHost.isBlank();
    }

    /** @param update the recipient already holds an earlier version (the wording says "Updated") */
    Invitation write(CalendarEvent event, Recipient recipient, Trainer trainer, ItipMethod method, boolean update) {
        if (recipient.isClient()) {
            event = event.withoutColor(); // the trainer's colours are their display setting, not the client's
        }
        Organizer organizer = new Organizer(trainer.name(), sender.fromAddress());
        // each copy lists only its own recipient: the trainer's copy must not carry the client's name or address
        // when names are hidden, and nobody needs the other's address to accept (RFC 5546 3.2.2 allows a subset)
        List<Attendee> attendees = List.of(new Attendee(recipient.name(), recipient.email(),
                readsReplies && recipient.isClient()));
        String ics = calendars.invitation(event, recipient.summary(), organizer, attendees, method);
        return message(event, ics, recipient, trainer, method, update);
    }

    /**
     * One exception of a series on its own: the occurrence at {@code recurrenceId} as a REQUEST carrying only its
     * override, or its cancellation; worded as that one session, an update of what the recipient holds.
     */
    Invitation writeOccurrence(CalendarEvent series, java.time.Instant recurrenceId, boolean cancel,
            Recipient recipient, Trainer trainer) {
        if (recipient.isClient()) {
            series = series.withoutColor();
        }
        Organizer organizer = new Organizer(trainer.name(), sender.fromAddress());
        List<Attendee> attendees = List.of(new Attendee(recipient.name(), recipient.email(),
                readsReplies && recipient.isClient()));
        ItipMethod method = cancel ? ItipMethod.CANCEL : ItipMethod.REQUEST;
        String ics = calendars.occurrenceInvitation(series, recipient.summary(), recurrenceId, organizer, attendees,
                method);
        return message(series.occurrence(recurrenceId), ics, recipient, trainer, method, true);
    }

    private Invitation message(CalendarEvent event, String ics, Recipient recipient, Trainer trainer,
            ItipMethod method, boolean update) {
        InvitationWording wording = InvitationWording.of(event, recipient, trainer.name(), trainer.email(), method, update);
        Context model = new Context();
        model.setVariable("w", wording);
        String html = templates.process("email/invitation", model);
        return new Invitation(method, recipient.email(), trainer.name() + " via Spotter", trainer.email(),
                wording.subject(), wording.text(), html, ics);
    }
}

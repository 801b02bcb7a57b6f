package app.spotter.sync.email;

import app.spotter.booking.Booking;
import app.spotter.booking.Bookings;
import app.spotter.client.Clients;
import app.spotter.trainer.Trainer;
import app.spotter.trainer.Trainers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells the trainer by email that a client declined (the web app shows the same as a notice). Best effort: the
 * notice in the web app is the record; a mail that cannot be sent is logged, not retried.
 */
@Component
class DeclineNotifier {

    private static final Logger log = LoggerFactory.getLogger(DeclineNotifier.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.forLanguageTag("en-ZA"));

    private final ObjectProvider<JavaMailSender> mail;
    private final Trainers trainers;
    private final Clients clients;
    private final Bookings bookings;
    private final String from;
    private final Duration deadline;

    DeclineNotifier(ObjectProvider<JavaMailSender> mail, Trainers trainers, Clients clients, Bookings bookings,
            @Value("${spotter.mail-from}") String from, @Value("${spotter.mail.deadline:60s}") Duration deadline) {
        this.mail = mail;
        this.trainers = trainers;
        this.clients = clients;
        this.bookings = bookings;
        this.from = from;
        this.deadline = deadline;
    }

    void declined(UUID trainerId, UUID bookingId, UUID clientId) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        Trainer trainer = trainers.get(trainerId);
        Booking booking = bookings.get(trainerId, bookingId);
        String who = clients.find(trainerId, clientId).map(c -> c.displayName()).orElse("A client");
        String when = WHEN.format(booking.details().startsAt().atZone(trainers.zone(trainerId)));
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(trainer.email(), trainer.name(),
                    "UTF-8"));
            message.setSubject(who + " declined " + when, "UTF-8");
            message.setText(who + " declined the invitation to the " + booking.details().sessionType().label()
                    + " on " + when + ".\n\nThe session is still booked: open Spotter to cancel it or to talk to "
                    + who + " about another time.\n", "UTF-8");
            SmtpDeadline.send(sender, message, deadline);
        } catch (MessagingException | UnsupportedEncodingException | MailException | app.spotter.sync.SyncFailure e) {
            log.warn("Could not email trainer {} about a declined invitation: {}", trainerId, e.getMessage());
        }
    }
}

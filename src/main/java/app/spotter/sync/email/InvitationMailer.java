package app.spotter.sync.email;

import app.spotter.sync.SyncFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one invitation over the configured SMTP server ({@code SPRING_MAIL_*}), From {@code SPOTTER_MAIL_FROM}.
 * Spring Boot only creates a mail sender when a host is configured; without one, sending fails transiently so the
 * invitations wait, instead of being dropped, until the operator sets mail up.
 */
@Component
class InvitationMailer {

    private final ObjectProvider<JavaMailSender> mail;
    private final String fromAddress;
    private final String messageIdDomain;
    private final Clock clock;
    private final Duration deadline;

    /** @param deadline {@code spotter.mail.deadline}: total time for one send (see {@link SmtpDeadline}) */
    InvitationMailer(ObjectProvider<JavaMailSender> mail, @Value("${spotter.mail-from}") String mailFrom,
            @Value("${spotter.public-url}") String publicUrl, Clock clock,
            @Value("${spotter.mail.deadline:60s}") Duration deadline) throws AddressException {
        this.mail = mail;
        this.deadline = deadline;
        String host = URI.create(publicUrl.strip()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "localhost" : host;
        // SPOTTER_MAIL_FROM may be "Spotter <noreply@example.com>"; ORGANIZER needs the bare address
        this.fromAddress = new InternetAddress(mailFrom, true).getAddress();
        this.clock = clock;
    }

    /** Why nothing can be sent from this server, or null when an SMTP server is configured. */
    String notConfiguredReason() {
        return mail.getIfAvailable() == null ? NOT_CONFIGURED : null;
    }

    static final String NOT_CONFIGURED = "Email sending is not set up on this Spotter server: it has no SMTP "
            + "server configured (SPRING_MAIL_HOST). Ask whoever runs Spotter to set one up, then connect email "
            + "invitations.";

    String fromAddress() {
        return fromAddress;
    }

    void send(Invitation invitation) throws SyncFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            // a connection made while mail was set up: keep the invitations (the circuit breaker paces the probes)
            throw SyncFailure.transientFailure(NOT_CONFIGURED, null, null);
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeAssembler.fill(message, invitation, fromAddress, messageIdDomain, clock.instant());
        } catch (MessagingException e) {
            throw SyncFailure.permanent("The invitation to " + invitation.to() + " could not be written: "
                    + e.getMessage(), e);
        }
        try {
            SmtpDeadline.send(sender, message, deadline);
        } catch (MailException e) {
            throw SmtpFailures.classify(e);
        }
    }
}

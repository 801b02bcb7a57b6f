package app.spotter.sync.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Lays an invitation out the way Gmail, Outlook and Apple Mail all recognise (and the way Google Calendar's own
 * invitations are built):
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/html; charset=UTF-8
 *     text/calendar; charset=UTF-8; method=REQUEST   (RFC 6047 2.4: method= matches the object's METHOD)
 *   application/ics; name="invite.ics"               (attachment, for clients that only read attachments)
 * </pre>
 * The calendar is the last alternative because a reader shows the last one it understands (RFC 2046 5.1.4), and
 * calendar-aware readers then offer accept/decline. The attachment is application/ics rather than a second
 * text/calendar so that Outlook does not process the same request twice.
 */
final class MimeAssembler {

    private static final Pattern CONTROLS = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Pattern NOT_A_NAME = Pattern.compile("[^\\p{L}\\p{M} '’.\\-]");

    private MimeAssembler() {}

    /** @param messageIdDomain the right-hand side of Message-ID: Spotter's own public host name */
    static void fill(MimeMessage message, Invitation invitation, String fromAddress, String messageIdDomain,
            Instant now) throws MessagingException {
        message.setFrom(address(fromAddress, plainName(invitation.senderName())));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(invitation.replyTo(), true)});
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(invitation.to(), true));
        message.setSubject(oneLine(invitation.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(invitation.text(), "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part(invitation.html(), "text/html; charset=UTF-8"));
        alternative.addBodyPart(part(invitation.ics(),
                "text/calendar; charset=UTF-8; method=" + invitation.method().mimeParameter()));
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeBodyPart attachment = part(invitation.ics(), "application/ics; name=\"invite.ics\"");
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName("invite.ics");

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
        // after saveChanges, which would set JavaMail's own "<...@localhost>" (the machine's name); Spring's sender
        // keeps a Message-ID that is already set. RFC 5322 3.6.4: unique, its right side a domain the sender owns
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "." + now.toEpochMilli() + "@" + messageIdDomain
                + ">");
    }

    /**
     * A display name reduced to what a person's name is made of: letters, combining marks, spaces, apostrophes,
     * hyphens and dots. Anything else (angle brackets, colons, @, quotes) could make a mail client show another
     * sender or read part of the name as an address.
     */
    static String plainName(String name) {
        String plain = NOT_A_NAME.matcher(name == null ? "" : name).replaceAll("");
        return CONTROLS.matcher(plain).replaceAll(" ").strip();
    }

    // a DataSource with the full type keeps parameters such as method= exactly as written; JavaMail picks a
    // transfer encoding (quoted-printable for UTF-8 text) that survives servers without 8BITMIME
    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    private static InternetAddress address(String email, String personal) throws MessagingException {
        try {
            return new InternetAddress(email, oneLine(personal), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header value on one line: a name holding CR/LF must never start a header of its own. */
    static String oneLine(String value) {
        return CONTROLS.matcher(value == null ? "" : value).replaceAll(" ").strip();
    }
}

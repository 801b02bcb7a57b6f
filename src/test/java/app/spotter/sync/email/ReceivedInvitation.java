package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * One invitation as it arrived at the SMTP server, taken apart the way a mail client does, asserting the MIME
 * layout on the way: multipart/mixed [ multipart/alternative [text/plain, text/html, text/calendar], invite.ics ].
 */
record ReceivedInvitation(MimeMessage message, String methodParameter, String text, String html, String inlineIcs,
        String attachedIcs, Calendar calendar) {

    static ReceivedInvitation of(MimeMessage message) {
        try {
            assertThat(message.getContentType()).startsWith("multipart/mixed");
            MimeMultipart mixed = (MimeMultipart) message.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            BodyPart body = mixed.getBodyPart(0);
            assertThat(body.getContentType()).startsWith("multipart/alternative");
            MimeMultipart alternative = (MimeMultipart) body.getContent();
            assertThat(alternative.getCount()).isEqualTo(3);
            BodyPart text = alternative.getBodyPart(0);
            BodyPart html = alternative.getBodyPart(1);
            BodyPart calendar = alternative.getBodyPart(2);
            assertThat(new ContentType(text.getContentType()).getBaseType()).isEqualTo("text/plain");
            assertThat(new ContentType(html.getContentType()).getBaseType()).isEqualTo("text/html");
            ContentType calendarType = new ContentType(calendar.getContentType());
            assertThat(calendarType.getBaseType()).isEqualTo("text/calendar");
            assertThat(calendarType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");

            BodyPart attachment = mixed.getBodyPart(1);
            assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(attachment.getFileName()).isEqualTo("invite.ics");
            assertThat(new ContentType(attachment.getContentType()).getBaseType()).isEqualTo("application/ics");

            String inline = read(calendar);
            return new ReceivedInvitation(message, calendarType.getParameter("method"), read(text), read(html),
                    inline, read(attachment), new CalendarBuilder().build(new StringReader(inline)));
        } catch (Exception e) {
            throw new AssertionError("could not take the invitation apart: " + e, e);
        }
    }

    private static String read(Part part) throws Exception {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    VEvent event() {
        var events = calendar.<VEvent>getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    String value(String property) {
        return event().getProperty(property).map(Property::getValue).orElse(null);
    }

    int sequence() {
        return Integer.parseInt(value(Property.SEQUENCE));
    }

    /** Everything a recipient could read, decoded, for "this never appears anywhere" checks. */
    String everything() {
        try {
            return message.getSubject() + "\n" + String.join(",", message.getHeader("From")) + "\n" + text + "\n"
                    + html + "\n" + inlineIcs + "\n" + attachedIcs;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

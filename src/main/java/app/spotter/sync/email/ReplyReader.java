package app.spotter.sync.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads the iCalendar part of a message from the organizer mailbox (RFC 6047 2.4: a text/calendar part, alone or
 * inside a multipart). Hostile mail is expected: the walk is depth-limited, the part is read to at most
 * {@link #MAX_PART} bytes, and anything unreadable is "no reply".
 */
final class ReplyReader {

    static final int MAX_PART = 256 * 1024;
    private static final int MAX_DEPTH = 5;

    private ReplyReader() {}

    static Optional<ReceivedReply> read(Message message) {
        try {
            Optional<String> ics = calendarPart(message, 0);
            if (ics.isEmpty()) {
                return Optional.empty();
            }
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.get()));
            String method = calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
            Optional<VEvent> event = calendar.getComponent(Component.VEVENT);
            if (event.isEmpty()) {
                return Optional.empty();
            }
            VEvent e = event.get();
            String uid = e.getProperty(Property.UID).map(Property::getValue).orElse(null);
            int sequence = e.getProperty(Property.SEQUENCE).map(p -> parseInt(p.getValue())).orElse(0);
            Optional<Property> attendee = e.getProperty(Property.ATTENDEE);
            String address = attendee.map(Property::getValue).orElse(null);
            String partStat = attendee.flatMap(a -> a.<Parameter>getParameter(Parameter.PARTSTAT))
                    .map(p -> p.getValue()).orElse(null);
            return Optional.of(new ReceivedReply(method, uid, sequence, address, partStat, from(message)));
        } catch (Exception unreadable) {
            // malformed MIME or iCalendar from anyone on the internet: not an answer Spotter can use
            return Optional.empty();
        }
    }

    private static Optional<String> calendarPart(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_PART + 1);
                return bytes.length > MAX_PART ? Optional.empty()
                        : Optional.of(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < Math.min(multipart.getCount(), 20); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = calendarPart(child, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String from(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length == 1 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

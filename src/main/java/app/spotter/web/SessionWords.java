package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Says what happened to a session in the trainer's words: "Sipho Ndlovu's session moved to Tue 1 Dec 07:00."
 * With client names hidden, the session type stands in for the name.
 */
@Component
class SessionWords {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.forLanguageTag("en-ZA"));

    private final Clients clients;
    private final Preferences preferences;

    SessionWords(Clients clients, Preferences preferences) {
        this.clients = clients;
        this.preferences = preferences;
    }

    /** "Sipho Ndlovu's session", or "The 1:1 session" when names are hidden or it holds several clients. */
    String whose(Booking booking) {
        SyncPreferences prefs = preferences.get(booking.trainerId());
        // a session for several clients is "the group session", not the first client's
        String name = prefs.showClientNames() && booking.capacity() <= 1
                ? clients.find(booking.trainerId(), booking.details().clientId()).map(c -> c.displayName()).orElse(null)
                : null;
        return possessive(name, booking.details().sessionType().label());
    }

    static String possessive(String name, String typeLabel) {
        if (name == null) {
            return "The " + (Character.isDigit(typeLabel.charAt(0)) ? typeLabel : typeLabel.toLowerCase(Locale.ROOT));
        }
        return name + (name.endsWith("s") ? "'" : "'s") + " session";
    }

    String when(Booking booking) {
        return when(booking.trainerId(), booking.details().startsAt());
    }

    String when(java.util.UUID trainerId, Instant instant) {
        ZoneId zone = preferences.get(trainerId).timezoneDisplay();
        return WHEN.format(instant.atZone(zone));
    }

    boolean inThePast(Booking booking) {
        return booking.details().startsAt().isBefore(Instant.now());
    }
}

package app.spotter.feed;

import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarEvents;
import app.spotter.calendar.CalendarObjects;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.support.crypto.Tokens;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed module's entry: the trainer's secret subscription URL and what it serves. The feed holds scheduled
 * bookings from 30 days back onward, with the same content rules as every other calendar (privacy, colours,
 * VTIMEZONE), rendered by the shared {@link CalendarObjects}.
 */
@Service
public class Feeds {

    static final Duration HISTORY = Duration.ofDays(30);

    private final FeedTokens tokens;
    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final Trainers trainers;
    private final CalendarEvents events;
    private final CalendarObjects calendars;
    private final Clock clock;
    private final String publicUrl;

    Feeds(FeedTokens tokens, Bookings bookings, Clients clients, Preferences preferences, Trainers trainers,
            CalendarEvents events, CalendarObjects calendars, Clock clock,
            @Value("${spotter.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.trainers = trainers;
        this.events = events;
        this.calendars = calendars;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The trainer's feed URL; the first call creates its secret. */
    @Transactional
    public String url(UUID trainerId) {
        Optional<String> token = tokens.current(trainerId);
        if (token.isEmpty()) {
            tokens.createIfAbsent(trainerId, Tokens.newToken());
            token = tokens.current(trainerId);
        }
        return link(token.orElseThrow());
    }

    /** A new secret URL; the old one answers 404 from the moment this commits. */
    @Transactional
    public String rotate(UUID trainerId) {
        String token = Tokens.newToken();
        tokens.replace(trainerId, token);
        return link(token);
    }

    Optional<UUID> trainerFor(String token) {
        return tokens.trainerFor(token);
    }

    FeedSnapshot snapshot(UUID trainerId) {
        SyncPreferences prefs = preferences.get(trainerId);
        // one query for the clients, not one per booking
        Map<UUID, Client> byId = clients.list(trainerId).stream()
                .collect(Collectors.toMap(Client::id, Function.identity()));
        List<CalendarEvent> list = bookings.scheduledFrom(trainerId, clock.instant().minus(HISTORY)).stream()
                .map(b -> events.of(b, byId.get(b.details().clientId()), prefs))
                .toList();
        return new FeedSnapshot(list, prefs.timezoneDisplay(), "Spotter · " + trainers.get(trainerId).name());
    }

    String render(FeedSnapshot snapshot) {
        return calendars.feed(snapshot.events(), snapshot.zone(), snapshot.name());
    }

    private String link(String token) {
        return publicUrl + "/feeds/" + token + ".ics";
    }
}

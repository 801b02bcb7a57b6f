package app.spotter.feed;

import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarEvents;
import app.spotter.calendar.CalendarObjects;
import app.spotter.calendar.FeedWriter;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.support.crypto.Tokens;
import app.spotter.trainer.Trainers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed module's entry: the trainer's secret subscription URL and what it serves. The feed holds scheduled
 * bookings from 30 days back to 18 months ahead (a bounded window: a feed's size does not grow with the years), with the same content rules as every other calendar (privacy, colours,
 * VTIMEZONE), rendered by the shared {@link CalendarObjects}.
 */
@Service
public class Feeds {

    /** The feed's window: 30 days back (recent history for the subscriber) to 18 months ahead. */
    static final Duration HISTORY = Duration.ofDays(30);
    static final Period AHEAD = Period.ofMonths(18);

    /** How long a fetch waits for a render slot before it is answered 503 with Retry-After. */
    static final Duration RENDER_WAIT = Duration.ofSeconds(60);

    /**
     * Full renders at once. A render is CPU work on a virtual thread, and the carriers are as many as the cores:
     * ten parallel renders of a large feed would occupy every carrier and starve all other requests (health timed
     * out in AttackIT). One slot keeps a core for everything else; fetches queue for it (304s never do).
     */
    private final Semaphore renders;

    private final FeedTokens tokens;
    private final Bookings bookings;
    private final Clients clients;
    /** Set after construction (setter), so the feed's constructor stays as other callers know it. */
    private app.spotter.booking.BookingSeries series;
    private final Preferences preferences;
    private final Trainers trainers;
    private final CalendarEvents events;
    private final CalendarObjects calendars;
    private final Clock clock;
    private final String publicUrl;

    Feeds(FeedTokens tokens, Bookings bookings, Clients clients, Preferences preferences, Trainers trainers,
            CalendarEvents events, CalendarObjects calendars, Clock clock,
            @Value("${spotter.public-url}") String publicUrl,
            @Value("${spotter.feed.render-permits:1}") int renderPermits) {
        this.renders = new Semaphore(renderPermits, true);
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

    /** Waits up to {@link #RENDER_WAIT} for a render slot; false when none came free. */
    boolean acquireRender() {
        try {
            return renders.tryAcquire(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void releaseRender() {
        renders.release();
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setSeries(app.spotter.booking.BookingSeries series) {
        this.series = series;
    }

    /** No feed any more: its URL answers 404 from the moment this commits (account deletion). */
    @Transactional
    public void revoke(UUID trainerId) {
        tokens.delete(trainerId);
    }

    Optional<UUID> trainerFor(String token) {
        return tokens.trainerFor(token);
    }

    /** The window and a cheap fingerprint of what is in it: no booking is read (see {@link FeedSnapshot}). */
    FeedSnapshot snapshot(UUID trainerId) {
        SyncPreferences prefs = preferences.get(trainerId);
        // day-aligned, so the window (and with it the entity tag) moves once a day, not with every request
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant from = today.minus(HISTORY);
        Instant to = today.atZone(ZoneOffset.UTC).plus(AHEAD).toInstant();
        return new FeedSnapshot(trainerId, "Spotter · " + trainers.get(trainerId).name(), prefs, from, to,
                bookings.fingerprint(trainerId, from, to), clients.lastChange(trainerId));
    }

    /**
     * Writes the feed to {@code out} event by event while the bookings are read from a database cursor, in one
     * read-only transaction (a consistent view, and PostgreSQL streams rows only inside one). Memory is one fetch
     * of rows plus one event, however many bookings the trainer has.
     */
    @Transactional(readOnly = true)
    public void write(FeedSnapshot snapshot, Writer out) throws IOException {
        SyncPreferences prefs = snapshot.preferences();
        // one query for the clients, not one per booking
        Map<UUID, Client> byId = clients.list(snapshot.trainerId()).stream()
                .collect(Collectors.toMap(Client::id, Function.identity()));
        try (FeedWriter feed = calendars.feedWriter(out, prefs.timezoneDisplay(), snapshot.name(),
                snapshot.from(), snapshot.to())) {
            java.util.Set<UUID> seriesSeen = new java.util.HashSet<>();
            bookings.streamScheduled(snapshot.trainerId(), snapshot.from(), snapshot.to(), b -> {
                try {
                    if (b.seriesId() != null && series != null) {
                        // a series is one VEVENT with RRULE (+ EXDATE, RECURRENCE-ID overrides), written once,
                        // when its first session in the window comes by
                        var whole = seriesSeen.add(b.seriesId()) ? series.ofSession(snapshot.trainerId(), b.id())
                                : Optional.<app.spotter.booking.BookingSeries.Snapshot>empty();
                        if (whole.isPresent()) {
                            feed.write(events.ofSeries(whole.get(), id -> Optional.ofNullable(byId.get(id)), prefs));
                        }
                        return;
                    }
                    feed.write(events.of(b, id -> java.util.Optional.ofNullable(byId.get(id)), prefs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // the subscriber went away: stop reading rows
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String link(String token) {
        return publicUrl + "/feeds/" + token + ".ics";
    }
}

package app.spotter.sync.engine;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingSeries;
import app.spotter.booking.BookingStatus;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarEvents;
import app.spotter.calendar.Repeating;
import app.spotter.client.Clients;
import app.spotter.preferences.SyncPreferences;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteSeries;
import app.spotter.sync.store.RemovedOccurrences;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A series as Spotter writes it to one calendar now ({@link CalendarEvents#ofSeries} with the occurrences deleted
 * there left out, the same event reconciliation pushes), with its scheduled sessions by the start the rule gave them: what {@link SeriesChangeDecision} compares
 * the calendar's object with.
 */
@Component
class SeriesState {

    private final BookingSeries series;
    private final CalendarEvents events;
    private final Clients clients;
    private final RemovedOccurrences removed;

    SeriesState(BookingSeries series, CalendarEvents events, Clients clients, RemovedOccurrences removed) {
        this.series = series;
        this.events = events;
        this.clients = clients;
        this.removed = removed;
    }

    /**
     * Whether {@code anchor} is the anchor of a series with a session still scheduled: its object is wanted in
     * calendars even when the anchor itself was cancelled alone.
     */
    boolean runs(UUID trainerId, UUID anchor) {
        return series.ofSession(trainerId, anchor).filter(s -> s.series().anchorBookingId().equals(anchor))
                .map(s -> s.sessions().stream().anyMatch(b -> b.status() == BookingStatus.SCHEDULED))
                .orElse(false);
    }

    /** Empty when {@code anchor} is not the anchor of a series that still runs (then it is not a series object). */
    Optional<SeriesChangeDecision.SeriesNow> of(UUID trainerId, UUID anchor, Provider provider,
            SyncPreferences prefs, boolean changedSinceOurWrite) {
        Optional<BookingSeries.Snapshot> snapshot = series.ofSession(trainerId, anchor)
                .filter(s -> s.series().anchorBookingId().equals(anchor));
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        CalendarEvent whole = events.ofSeries(snapshot.get(), id -> clients.find(trainerId, id), prefs);
        if (whole.cancelled()) {
            return Optional.empty(); // an ended series is taken out of calendars by its own sync
        }
        // sessions deleted in this calendar and waiting for the trainer's choice are out of it, as ProviderStep writes
        Set<Instant> out = removed.excluded(trainerId, anchor, provider);
        whole = OccurrencesOut.without(whole, out);
        Repeating r = whole.repeating();
        Map<Instant, SeriesChangeDecision.Session> sessions = new HashMap<>();
        for (Booking b : snapshot.get().sessions()) {
            if (b.status() == BookingStatus.SCHEDULED && !out.contains(b.occurrenceStart())) {
                sessions.put(b.occurrenceStart(), new SeriesChangeDecision.Session(b.id(), b.details().startsAt(),
                        b.details().endsAt()));
            }
        }
        // Spotter writes weekly rules only (calendar.SeriesComponents), with no other parts
        RemoteSeries.Rule rule = new RemoteSeries.Rule("WEEKLY", r.intervalWeeks(), Set.copyOf(r.days()), r.until(),
                r.count(), "");
        return Optional.of(new SeriesChangeDecision.SeriesNow(whole.start(), whole.end(), rule, Set.copyOf(r.exdates()),
                sessions, changedSinceOurWrite, prefs.timezoneDisplay()));
    }
}

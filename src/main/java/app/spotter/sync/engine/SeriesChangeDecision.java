package app.spotter.sync.engine;

import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RemoteSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Decide, then apply, for a repeating series (one calendar object: a master with RRULE, EXDATEs and RECURRENCE-ID
 * overrides, RFC 5545 3.8.5): what a change made in the trainer's calendar means, occurrence by occurrence. Pure,
 * so every case is a row of its table test.
 *
 * <p>Each session is known by the start the rule gave it (its RECURRENCE-ID, 3.8.4.4). Where the calendar now shows
 * that occurrence at another time (an override added or moved, or an override removed) the trainer moved that one
 * session: it is rescheduled on its own, as "This session" in Spotter. The rule and the series' time are Spotter's
 * (changed with "All sessions"), as are the title and the rest of the content: such edits are put back. A deleted
 * occurrence (an EXDATE added, 3.8.5.1, or an override with STATUS:CANCELLED) never cancels a client's session: it
 * is flagged as a deleted single session is, and stays out of that calendar until the trainer chooses.
 */
final class SeriesChangeDecision {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            Locale.forLanguageTag("en-ZA"));

    private SeriesChangeDecision() {}

    /** A scheduled session of the series, by the start the rule gave it. */
    record Session(UUID bookingId, Instant start, Instant end) {}

    /**
     * The series as Spotter writes it now.
     *
     * @param start the master's start (the rule's first occurrence)
     * @param end the master's end
     * @param exdates the occurrences Spotter excludes there (cancelled sessions, skipped dates, and sessions
     *     flagged as deleted in that calendar)
     * @param sessions every scheduled session that calendar should show, by the start the rule gave it
     * @param changedSinceOurWrite a change of the series in Spotter is unsent or in flight
     * @param zone the zone the trainer reads times in
     */
    record SeriesNow(Instant start, Instant end, RemoteSeries.Rule rule, Set<Instant> exdates,
            Map<Instant, Session> sessions, boolean changedSinceOurWrite, ZoneId zone) {}

    /** @param there the series object as the calendar holds it now ({@link RemoteSnapshot#series()} set) */
    static List<RemoteChange> decide(SeriesNow ours, RemoteSnapshot there, String calendar) {
        RemoteSeries series = there.series();
        if (!there.start().equals(ours.start()) || !there.end().equals(ours.end())
                || !series.rule().equals(ours.rule())) {
            return List.of(new RemoteChange.PutBack("The repeat rule or time of a repeating series was changed in "
                    + calendar + "; a series is changed in Spotter (all sessions), so it was put back."));
        }
        Duration length = Duration.between(ours.start(), ours.end());
        Set<Instant> occurrences = new TreeSet<>(ours.sessions().keySet());
        occurrences.addAll(ours.exdates());
        occurrences.addAll(series.exdates());
        occurrences.addAll(series.overrides().keySet());
        List<RemoteChange> changes = new ArrayList<>();
        for (Instant occurrence : occurrences) {
            RemoteSeries.Occurrence override = series.overrides().get(occurrence);
            boolean deletedThere = series.exdates().contains(occurrence) || override != null && override.cancelled();
            Instant start = override != null ? override.start() : occurrence;
            Instant end = override != null ? override.end() : occurrence.plus(length);
            Session session = ours.sessions().get(occurrence);
            String which = "the " + when(occurrence, ours.zone()) + " session of a repeating series";
            if (session != null && deletedThere) {
                changes.add(new RemoteChange.FlagOccurrenceRemoved(session.bookingId(), occurrence));
            } else if (session != null && (!start.equals(session.start()) || !end.equals(session.end()))) {
                changes.add(moved(ours, session, occurrence, start, end, calendar, which));
            } else if (session == null && ours.exdates().contains(occurrence) && !deletedThere) {
                changes.add(new RemoteChange.PutBack("Brought back in " + calendar + ": " + which + ", which is "
                        + "cancelled in Spotter; put back. Book it again in Spotter if it is happening."));
            } else if (session == null && !ours.exdates().contains(occurrence)) {
                changes.add(new RemoteChange.PutBack("Changed in " + calendar + ": " + which + ", which Spotter "
                        + "has not booked yet (sessions are booked 26 weeks ahead); put back."));
            }
        }
        if (changes.isEmpty()) {
            return List.of(new RemoteChange.PutBack("Title, description or colour of a repeating series edited in "
                    + calendar + "; Spotter's were put back."));
        }
        return List.copyOf(changes);
    }

    private static RemoteChange moved(SeriesNow ours, Session session, Instant occurrence, Instant start,
            Instant end, String calendar, String which) {
        if (!end.isAfter(start)) {
            return new RemoteChange.PutBack("Moved in " + calendar + ": " + which + ", to a time that ends before "
                    + "it starts; put back.", session.bookingId());
        }
        if (ours.changedSinceOurWrite()) {
            // on the series' own booking: a push that meets the same change (412) records it there too, and the
            // notice is then recorded once (booking_activity is unique per booking, calendar and remote etag)
            return new RemoteChange.PutBack("Moved in " + calendar + ": " + which + ", while the series was being "
                    + "changed in Spotter; Spotter's time was put back.");
        }
        return new RemoteChange.RescheduleOccurrence(session.bookingId(), occurrence, start, end);
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}

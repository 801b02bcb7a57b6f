package app.spotter.calendar;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingSeries;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import app.spotter.client.Client;
import app.spotter.preferences.SyncPreferences;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a booking into the event every calendar shows, applying the trainer's preferences: client name only when
 * {@code show_client_names} allows it, the display zone, and the booking's colour or its session type's.
 */
@Component
public class CalendarEvents {

    private final String uidDomain;

    public CalendarEvents(@Value("${spotter.uid-domain:spotter.app}") String uidDomain) {
        this.uidDomain = uidDomain;
    }

    /** For a booking whose only participant is {@code client} (null when unknown). */
    public CalendarEvent of(Booking booking, Client client, SyncPreferences preferences) {
        return of(booking, (UUID id) -> id.equals(booking.details().clientId()) ? Optional.ofNullable(client)
                : Optional.<Client>empty(), preferences);
    }

    /**
     * @param clients looks up each participant (a client no longer known counts, but is not named)
     */
    public CalendarEvent of(Booking booking, Function<UUID, Optional<Client>> clients, SyncPreferences preferences) {
        BookingDetails d = booking.details();
        List<String> names = booking.clientIds().stream()
                .map(id -> clients.apply(id).map(Client::displayName).orElse(null)).toList();
        return new CalendarEvent(booking.id(), booking.trainerId(), d.clientId(), booking.id() + "@" + uidDomain,
                CalendarObjects.summaryFor(d.sessionType(), names, booking.capacity(),
                        preferences.showClientNames()), d.sessionType(), d.location(),
                d.startsAt(), d.endsAt(), preferences.timezoneDisplay(),
                preferences.colorFor(d.sessionType(), d.colorHex()), booking.sequence(),
                booking.status() != BookingStatus.SCHEDULED, booking.clientIds());
    }

    /**
     * A series as one event (RFC 5545 3.8.5): the rule from its first occurrence, EXDATE for every occurrence that
     * is cancelled, deleted or was skipped, and an override (RECURRENCE-ID) for every session that differs from what
     * the rule gives it (moved, or edited on its own). Its SEQUENCE is the sum of its sessions' sequences: any
     * change to any session raises it, and adding sessions to the horizon (sequence 0) does not.
     *
     * @param clients looks up a session's client (a session may have its own)
     */
    public CalendarEvent ofSeries(BookingSeries.Snapshot snapshot, Function<UUID, Optional<Client>> clients,
            SyncPreferences preferences) {
        Series series = snapshot.series();
        BookingDetails t = series.template();
        Instant first = series.firstStart();
        Instant last = series.lastStart();
        int sequence = snapshot.sessions().stream().mapToInt(Booking::sequence).sum();
        List<Instant> exdates = new ArrayList<>();
        List<Repeating.Override> overrides = new ArrayList<>();
        boolean anyScheduled = false;
        for (Booking b : snapshot.sessions()) {
            Instant occurrence = b.occurrenceStart();
            if (last != null && occurrence.isAfter(last)) {
                continue; // beyond the rule's end (a split's or an ended series' former sessions)
            }
            if (b.status() != BookingStatus.SCHEDULED) {
                exdates.add(occurrence);
                continue;
            }
            anyScheduled = true;
            if (!looksAsTheRuleSays(b.details(), series.detailsAt(occurrence))) {
                CalendarEvent e = of(b, clients, preferences);
                overrides.add(new Repeating.Override(occurrence, new CalendarEvent(e.bookingId(), e.trainerId(),
                        e.clientId(), uidOf(series), e.summary(), e.sessionType(), e.location(), e.start(), e.end(),
                        e.zone(), e.colorHex(), e.sequence(), e.cancelled(), e.clientIds())));
            }
        }
        series.skippedStarts().stream().filter(s -> last == null || !s.isAfter(last)).forEach(exdates::add);
        boolean ended = last != null && (last.isBefore(first)
                || (!anyScheduled && !last.isAfter(series.materialisedUntil())));
        Repeating repeating = new Repeating(series.recurrence().interval(), series.recurrence().daysInOrder(),
                series.recurrence().count() == null ? last : null, series.recurrence().count(), exdates, overrides);
        String clientName = clients.apply(t.clientId()).map(Client::displayName).orElse(null);
        return new CalendarEvent(series.anchorBookingId(), series.trainerId(), t.clientId(), uidOf(series),
                CalendarObjects.summaryFor(t.sessionType(), clientName, preferences.showClientNames()),
                t.sessionType(), t.location(), first, first.plus(series.duration()), series.zone(),
                preferences.colorFor(t.sessionType(), t.colorHex()), sequence, ended, repeating);
    }

    private String uidOf(Series series) {
        return series.anchorBookingId() + "@" + uidDomain;
    }

    /** Whether a calendar would show the session exactly as the rule does (notes never leave Spotter). */
    private static boolean looksAsTheRuleSays(BookingDetails session, BookingDetails rule) {
        return session.startsAt().equals(rule.startsAt()) && session.endsAt().equals(rule.endsAt())
                && session.clientId().equals(rule.clientId()) && session.sessionType() == rule.sessionType()
                && Objects.equals(session.location(), rule.location())
                && Objects.equals(session.colorHex(), rule.colorHex());
    }
}

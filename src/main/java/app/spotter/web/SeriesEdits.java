package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingSeries;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.SeriesChange;
import app.spotter.booking.Series;
import app.spotter.support.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The web app's scopes for a session of a series, mapped onto the series API's semantics: "This session" is the
 * session's own change (an exception of the series), "This and following" is scope {@code following} from the
 * session, "All sessions" is scope {@code all} (every session not yet started).
 */
@Component
class SeriesEdits {

    enum Scope {
        ONE, FOLLOWING, ALL;

        /** The form's {@code scope} value; anything else is this session alone (the safe reading). */
        static Scope of(String value) {
            return "following".equals(value) ? FOLLOWING : "all".equals(value) ? ALL : ONE;
        }
    }

    /** A clashing date as the dialog lists it: "Mon 7 Dec 06:00" and why. */
    record ClashLine(String when, String reason) {}

    /** What the session dialog says of a session's series: its rule in words. */
    record Info(UUID seriesId, String summary) {}

    private final BookingSeries series;
    private final Clock clock;

    SeriesEdits(BookingSeries series, Clock clock) {
        this.series = series;
        this.clock = clock;
    }

    /** The series of a session, or empty for a single session. */
    Optional<Info> of(UUID trainerId, Booking booking) {
        if (booking == null || booking.seriesId() == null) {
            return Optional.empty();
        }
        Series s = series.get(trainerId, booking.seriesId()).series();
        return Optional.of(new Info(s.id(), SeriesSummary.of(s.recurrence(), s.startDate(), s.startTime())));
    }

    /**
     * Changes {@code current}'s series from it on (following) or every session not yet started (all) to
     * {@code wanted}. A new start is the one the trainer gave this session; for "all" the same shift (days and
     * new local time) is applied to the first session in scope, which the API's {@code starts_at} names.
     */
    BookingSeries.Created change(UUID trainerId, Booking current, BookingDetails wanted, Scope scope,
            boolean skipConflicts) {
        BookingSeries.Snapshot snapshot = series.get(trainerId, current.seriesId());
        ZoneId zone = snapshot.series().zone();
        BookingDetails now = current.details();
        boolean moved = !wanted.startsAt().equals(now.startsAt());
        Duration length = Duration.between(wanted.startsAt(), wanted.endsAt());
        boolean resized = !length.equals(Duration.between(now.startsAt(), now.endsAt()));
        Instant start = null;
        if (moved) {
            start = scope == Scope.FOLLOWING ? wanted.startsAt() : shifted(snapshot, now, wanted, zone);
        }
        SeriesChange change = new SeriesChange(wanted.clientId(), wanted.sessionType(), true, wanted.location(), true,
                wanted.notes(), true, wanted.colorHex(), start, moved || resized ? length : null, null, skipConflicts);
        return series.change(trainerId, current.seriesId(),
                scope == Scope.FOLLOWING ? BookingSeries.Scope.FOLLOWING : BookingSeries.Scope.ALL,
                current.occurrenceStart(), change);
    }

    /** Ends the series from {@code current} on (following), or cancels every session not yet started (all). */
    BookingSeries.Snapshot cancel(UUID trainerId, Booking current, Scope scope) {
        return series.cancel(trainerId, current.seriesId(),
                scope == Scope.FOLLOWING ? BookingSeries.Scope.FOLLOWING : BookingSeries.Scope.ALL,
                current.occurrenceStart());
    }

    /** The first session in scope "all" (the first not yet started), moved as the trainer moved {@code now}. */
    private Instant shifted(BookingSeries.Snapshot snapshot, BookingDetails now, BookingDetails wanted,
            ZoneId zone) {
        Instant clockNow = clock.instant();
        Booking first = snapshot.sessions().stream()
                .filter(b -> b.status() != BookingStatus.DELETED && !b.details().startsAt().isBefore(clockNow))
                .min(Comparator.comparing(Booking::occurrenceStart))
                .orElseThrow(() -> ApiProblem.invalid("scope", "the series has no sessions still to come"));
        ZonedDateTime from = now.startsAt().atZone(zone);
        ZonedDateTime to = wanted.startsAt().atZone(zone);
        long days = ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate());
        return ZonedDateTime.of(first.occurrenceStart().atZone(zone).toLocalDate().plusDays(days), to.toLocalTime(),
                zone).toInstant();
    }

    /**
     * The clashing dates of a series' 409, as the dialog lists them. The API's contract: one error per date, its
     * message starting with that date's {@code starts_at} (docs/api.md).
     */
    static List<ClashLine> clashes(ApiProblem problem, ZoneId zone) {
        return problem.errors().stream().map(e -> {
            String message = e.message();
            int space = message.indexOf(' ');
            try {
                Instant at = OffsetDateTime.parse(space < 0 ? message : message.substring(0, space)).toInstant();
                return new ClashLine(SessionWords.WHEN.format(at.atZone(zone)),
                        space < 0 ? "" : message.substring(space + 1));
            } catch (DateTimeParseException e2) {
                return new ClashLine("", message);
            }
        }).toList();
    }

    /** True for the 409 of a series whose dates clash (each error a date), the case the clash list is for. */
    static boolean isClashList(ApiProblem problem) {
        return problem.status().value() == 409 && RepeatsForm.about(problem);
    }
}

package app.spotter.booking;

import app.spotter.client.Clients;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring sessions: creates a series and its sessions in the horizon, extends the horizon, edits and ends a
 * series by scope. Every session is an ordinary booking (overlap rule, status machine, events), so calendars,
 * the feed and client history see them as they see any booking; the sync engine groups them by the series'
 * anchor ({@link #syncKey}).
 */
@Service
public class BookingSeries {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            Locale.forLanguageTag("en-ZA"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A created or re-planned series: its first session in the horizon, and the dates left out. */
    public record Created(Series series, Booking first, List<SeriesPlan.Clash> skipped) {

        /** The dates left out, for callers outside this package (the web app lists them). */
        public List<Instant> skippedStarts() {
            return skipped.stream().map(SeriesPlan.Clash::startsAt).toList();
        }
    }

    /** A series as the API shows it: the rule, and its sessions (scheduled and cancelled) in order. */
    public record Snapshot(Series series, List<Booking> sessions) {}

    public enum Scope {
        ALL, FOLLOWING
    }

    private final SeriesRepository series;
    private final BookingRepository bookings;
    private final Clients clients;
    private final Trainers trainers;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Conflicts conflicts;

    BookingSeries(SeriesRepository series, BookingRepository bookings, Clients clients, Trainers trainers,
            ApplicationEventPublisher publisher, Clock clock, Conflicts conflicts) {
        this.conflicts = conflicts;
        this.series = series;
        this.bookings = bookings;
        this.clients = clients;
        this.trainers = trainers;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Books the series whose first session is {@code first} (its date is moved forward to the first of the rule's
     * days when it is not one), in the trainer's zone.
     */
    @Transactional
    public Created create(UUID trainerId, BookingDetails first, Recurrence rule, boolean skipConflicts) {
        clients.get(trainerId, first.clientId());
        ZoneId zone = trainers.zone(trainerId);
        return plan(trainerId, UUID.randomUUID(), first, rule, zone, skipConflicts, List.of());
    }

    /** The series, or 404; scoped to the trainer. */
    public Snapshot get(UUID trainerId, UUID seriesId) {
        Series s = series.find(trainerId, seriesId).orElseThrow(() -> ApiProblem.notFound("The series"));
        return new Snapshot(s, sessions(trainerId, s.id(), false));
    }

    /** The series a session belongs to, with every row (deleted ones too): what calendars are built from. */
    public Optional<Snapshot> ofSession(UUID trainerId, UUID bookingId) {
        return bookings.find(trainerId, bookingId).map(Booking::seriesId)
                .flatMap(id -> series.find(trainerId, id))
                .map(s -> new Snapshot(s, sessions(trainerId, s.id(), true)));
    }

    /**
     * The key calendar work for this booking goes under: the series' anchor for a session of a series (one calendar
     * object per series), the booking itself otherwise.
     */
    public UUID syncKey(UUID trainerId, UUID bookingId) {
        return series.anchorOf(trainerId, bookingId).orElse(bookingId);
    }

    /**
     * Ends the series: every session from {@code from} on (scope following) or every session not yet started
     * (scope all) is cancelled, and the rule ends before them. Sessions that have happened stay as they were.
     */
    @Transactional
    public Snapshot cancel(UUID trainerId, UUID seriesId, Scope scope, Instant from) {
        Series s = series.lock(trainerId, seriesId).orElseThrow(() -> ApiProblem.notFound("The series"));
        Instant cut = cut(trainerId, s, scope, from);
        List<Booking> rows = sessions(trainerId, s.id(), false);
        for (Booking b : rows) {
            if (!b.occurrenceStart().isBefore(cut) && b.status() == BookingStatus.SCHEDULED) {
                b.cancel();
                save(b);
            }
        }
        series.update(endBefore(s, cut));
        return get(trainerId, seriesId);
    }

    /**
     * Changes the series from {@code from} on (following) or every session not yet started (all). A change of
     * client, type, location, notes or colour to all sessions is made in place; any change of time, length or
     * rule, and any "following" change, splits the series: the old one ends before the cut, a new one (new id)
     * starts there, and the old one's sessions from the cut on are replaced by the new one's.
     */
    @Transactional
    public Created change(UUID trainerId, UUID seriesId, Scope scope, Instant from, SeriesChange change) {
        Series s = series.lock(trainerId, seriesId).orElseThrow(() -> ApiProblem.notFound("The series"));
        if (change.template().clientId() != null && !change.template().clientId().equals(s.template().clientId())) {
            clients.get(trainerId, change.template().clientId());
        }
        Instant cut = cut(trainerId, s, scope, from);
        BookingDetails template = change.applyTo(s.template());
        List<Booking> rows = sessions(trainerId, s.id(), false);
        if (scope == Scope.ALL && !change.changesTime()) {
            Series updated = new Series(s.id(), s.trainerId(), s.anchorBookingId(), s.recurrence(), s.startDate(),
                    s.startTime(), s.durationMinutes(), s.zone(), template, s.materialisedUntil(), s.skipped());
            series.update(updated);
            for (Booking b : rows) {
                if (!b.occurrenceStart().isBefore(cut) && b.status() == BookingStatus.SCHEDULED) {
                    BookingDetails d = b.details();
                    b.change(new BookingDetails(template.clientId(), d.startsAt(), d.endsAt(),
                            template.sessionType(), template.location(), template.notes(), template.colorHex()));
                    save(b);
                }
            }
            Booking first = rows.stream().filter(b -> !b.occurrenceStart().isBefore(cut)).findFirst()
                    .orElse(rows.getFirst());
            return new Created(updated, first, List.of());
        }
        // split: the sessions from the cut give way to the new series
        for (Booking b : rows) {
            if (!b.occurrenceStart().isBefore(cut) && b.status() != BookingStatus.DELETED) {
                b.delete();
                save(b);
            }
        }
        Series ended = endBefore(s, cut);
        series.update(ended);
        ZonedDateTime cutLocal = cut.atZone(s.zone());
        Instant newStart = change.startsAt() != null ? change.startsAt()
                : ZonedDateTime.of(cutLocal.toLocalDate(), s.startTime(), s.zone()).toInstant();
        Duration length = change.duration() != null ? change.duration() : s.duration();
        // moving the first session in scope to another weekday moves every day of the rule alike (as Google does)
        long dayShift = java.time.temporal.ChronoUnit.DAYS.between(cutLocal.toLocalDate(),
                newStart.atZone(s.zone()).toLocalDate());
        Recurrence rule = change.recurrence() != null ? change.recurrence() : shifted(remaining(s, cut), dayShift);
        BookingDetails first = new BookingDetails(template.clientId(), newStart, newStart.plus(length),
                template.sessionType(), template.location(), template.notes(), template.colorHex());
        return plan(trainerId, UUID.randomUUID(), first, rule, s.zone(), change.skipConflicts(), List.of());
    }

    /**
     * Adds the sessions of one series up to {@code horizon}. Clashing dates are skipped and recorded (the job has
     * nobody to ask); a second run adds nothing (one row per occurrence). Returns the number of sessions added.
     */
    @Transactional
    public int extend(UUID trainerId, UUID seriesId, Instant horizon) {
        Optional<Series> locked = series.lock(trainerId, seriesId);
        if (locked.isEmpty() || !locked.get().materialisedUntil().isBefore(horizon)) {
            return 0;
        }
        Series s = locked.get();
        List<Instant> starts = s.starts(horizon).stream()
                .filter(t -> !t.isBefore(s.materialisedUntil())).toList();
        SeriesPlan.Decision.Create plan = SeriesPlan.extend(starts, clashes(trainerId, s.zone(), starts, s.duration()));
        for (Instant start : plan.starts()) {
            insert(Booking.scheduleOccurrence(UUID.randomUUID(), trainerId, s.detailsAt(start), s.id()));
        }
        List<SeriesPlan.Clash> skipped = new ArrayList<>(s.skipped());
        skipped.addAll(plan.skipped());
        series.update(new Series(s.id(), s.trainerId(), s.anchorBookingId(), s.recurrence(), s.startDate(),
                s.startTime(), s.durationMinutes(), s.zone(), s.template(), horizon, List.copyOf(skipped)));
        return plan.starts().size();
    }

    private Created plan(UUID trainerId, UUID seriesId, BookingDetails first, Recurrence rule, ZoneId zone,
            boolean skipConflicts, List<SeriesPlan.Clash> earlierSkips) {
        ZonedDateTime local = first.startsAt().atZone(zone);
        LocalDate startDate = rule.firstDate(local.toLocalDate());
        LocalTime time = local.toLocalTime();
        if (rule.until() != null && rule.until().isBefore(startDate)) {
            throw ApiProblem.invalid("recurrence.until", "must be on or after the first session's date");
        }
        int minutes = (int) Duration.between(first.startsAt(), first.endsAt()).toMinutes();
        Instant firstStart = ZonedDateTime.of(startDate, time, zone).toInstant();
        Instant horizon = later(clock.instant(), firstStart).plus(Series.HORIZON);
        Series draft = new Series(seriesId, trainerId, UUID.randomUUID(), rule, startDate, time, minutes, zone,
                first, horizon, earlierSkips);
        List<Instant> starts = draft.starts(horizon);
        SeriesPlan.Decision decision = SeriesPlan.decide(starts, clashes(trainerId, zone, starts, draft.duration()),
                skipConflicts);
        return switch (decision) {
            case SeriesPlan.Decision.Refuse refuse -> throw refusal(refuse, zone);
            case SeriesPlan.Decision.Create create -> {
                Series s = new Series(seriesId, trainerId, draft.anchorBookingId(), rule, startDate, time, minutes,
                        zone, first, horizon, create.skipped());
                series.insert(s);
                Booking firstBooking = null;
                for (Instant start : create.starts()) {
                    UUID id = firstBooking == null ? s.anchorBookingId() : UUID.randomUUID();
                    Booking b = Booking.scheduleOccurrence(id, trainerId, s.detailsAt(start), s.id());
                    insert(b);
                    firstBooking = firstBooking == null ? b : firstBooking;
                }
                yield new Created(s, firstBooking, create.skipped());
            }
        };
    }

    private static ApiProblem refusal(SeriesPlan.Decision.Refuse refuse, ZoneId zone) {
        if (refuse.clashes().isEmpty()) {
            return ApiProblem.invalid("recurrence", "gives no session: check the days and until/count");
        }
        List<ApiProblem.FieldError> errors = refuse.clashes().stream()
                .map(c -> new ApiProblem.FieldError("recurrence",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.startsAt().atZone(zone)) + " " + c.reason()))
                .toList();
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", refuse.clashes().size()
                + " of the series' dates clash with other sessions, time off or busy times; book with skip_conflicts to "
                + "leave them out.", errors);
    }

    /** Which of {@code starts} overlap a scheduled session of the trainer, and with what. */
    private List<SeriesPlan.Clash> clashes(UUID trainerId, ZoneId zone, List<Instant> starts, Duration length) {
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Booking> taken = bookings.between(trainerId, starts.getFirst(), starts.getLast().plus(length)).stream()
                .filter(b -> b.status() == BookingStatus.SCHEDULED).toList();
        List<SeriesPlan.Clash> result = new ArrayList<>();
        for (Instant start : starts) {
            Instant end = start.plus(length);
            var overlap = taken.stream()
                    .filter(b -> b.details().startsAt().isBefore(end) && b.details().endsAt().isAfter(start))
                    .findFirst();
            if (overlap.isPresent()) {
                Booking b = overlap.get();
                result.add(new SeriesPlan.Clash(start, "overlaps your session on "
                        + DAY_TIME.format(b.details().startsAt().atZone(zone)) + "-"
                        + TIME.format(b.details().endsAt().atZone(zone))));
            } else {
                // time off and busy calendars: the same check as a single booking (booking/Conflicts)
                conflicts.of(trainerId, start, end).stream().filter(Clash::blocking).findFirst()
                        .ifPresent(c -> result.add(new SeriesPlan.Clash(start, c.message())));
            }
        }
        return result;
    }

    /** The instant the scope starts at: the session at {@code from} (following) or the first not yet started. */
    private Instant cut(UUID trainerId, Series s, Scope scope, Instant from) {
        List<Booking> rows = sessions(trainerId, s.id(), false);
        if (scope == Scope.FOLLOWING) {
            if (from == null) {
                throw ApiProblem.invalid("from", "is required with scope following (a session's starts_at)");
            }
            return rows.stream()
                    .filter(b -> b.details().startsAt().equals(from) || b.occurrenceStart().equals(from))
                    .map(Booking::occurrenceStart).findFirst()
                    .orElseThrow(() -> ApiProblem.invalid("from", "is not the start of a session of this series"));
        }
        Instant now = clock.instant();
        return rows.stream().filter(b -> !b.details().startsAt().isBefore(now)).map(Booking::occurrenceStart)
                .min(Comparator.naturalOrder()).orElse(later(now, s.materialisedUntil()));
    }

    /** The series with its rule ending before {@code cut} (the occurrence at the cut and after are no longer in it). */
    private static Series endBefore(Series s, Instant cut) {
        LocalDate lastKept = cut.atZone(s.zone()).toLocalDate().minusDays(1);
        Recurrence r = s.recurrence();
        LocalDate last = r.lastDate(s.startDate(), s.startTime(), s.zone());
        Recurrence ended = last != null && !last.isAfter(lastKept) ? r : r.withUntil(lastKept);
        return new Series(s.id(), s.trainerId(), s.anchorBookingId(), ended, s.startDate(), s.startTime(),
                s.durationMinutes(), s.zone(), s.template(), s.materialisedUntil(), s.skipped());
    }

    private static Recurrence shifted(Recurrence r, long days) {
        if (days % 7 == 0) {
            return r;
        }
        java.util.Set<java.time.DayOfWeek> moved = r.days().stream().map(d -> d.plus(days))
                .collect(java.util.stream.Collectors.toSet());
        return new Recurrence(r.interval(), moved, r.until() == null ? null : r.until().plusDays(days), r.count());
    }

    /** The old rule from the cut on: a count shrinks by the occurrences before the cut. */
    private static Recurrence remaining(Series s, Instant cut) {
        Recurrence r = s.recurrence();
        if (r.count() == null) {
            return r;
        }
        int before = s.starts(cut).size();
        int left = r.count() - before;
        if (left < 1) {
            throw ApiProblem.invalid("from", "the series has no sessions from there");
        }
        return new Recurrence(r.interval(), r.days(), null, left);
    }

    /** The series' sessions in occurrence order; deleted ones only when asked (they are its exclusions). */
    private List<Booking> sessions(UUID trainerId, UUID seriesId, boolean withDeleted) {
        return bookings.ofSeries(trainerId, seriesId, withDeleted);
    }

    private void insert(Booking b) {
        boolean inserted;
        try {
            inserted = bookings.insertUnlessOverlapping(b);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            inserted = false; // the exclusion constraint caught a concurrent booking
        }
        if (!inserted) {
            throw ApiProblem.conflict("A date of the series overlapped another of your sessions a moment ago; "
                    + "try again.");
        }
        b.events().forEach(publisher::publishEvent);
    }

    private void save(Booking b) {
        if (!bookings.update(b)) {
            throw ApiProblem.conflict("A session of the series was changed meanwhile; reload it and try again.");
        }
        b.events().forEach(publisher::publishEvent);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

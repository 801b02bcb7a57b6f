package app.spotter.booking;

import app.spotter.client.Clients;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.Trainers;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The booking module's entry. Loads the aggregate, lets it decide, saves it and publishes what it recorded, all
 * in one transaction. Every method is scoped to one trainer.
 */
@Service
public class Bookings {

    /** en-ZA whatever the server's default locale: the trainer reads "Tue 5 Mar", never "Di. 5 März". */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            java.util.Locale.forLanguageTag("en-ZA"));

    /** Until the trainer sets a late-cancel window, a cancellation less than a day ahead is late. */
    static final int DEFAULT_LATE_CANCEL_HOURS = 24;

    private final BookingRepository repository;
    private final Clients clients;
    private final Trainers trainers;
    private final ApplicationEventPublisher publisher;
    private final java.time.Clock clock;
    private final Conflicts conflicts;
    private final BookingActivity activity;

    Bookings(BookingRepository repository, Clients clients, Trainers trainers, ApplicationEventPublisher publisher,
            java.time.Clock clock, Conflicts conflicts, BookingActivity activity) {
        this.activity = activity;
        this.repository = repository;
        this.clients = clients;
        this.trainers = trainers;
        this.publisher = publisher;
        this.clock = clock;
        this.conflicts = conflicts;
    }

    /** A booking made or changed, with the warnings the trainer should see (outside working hours, ...). */
    public record Booked(Booking booking, List<Clash> warnings) {}

    /** Books without overriding anything: time off or a busy calendar is a 409. */
    @Transactional
    public Booking create(UUID trainerId, BookingDetails details) {
        return create(trainerId, details, List.of(details.clientId()), null);
    }

    /** @param allowConflict book over time off and busy calendars (the trainer said "book anyway") */
    @Transactional
    public Booked book(UUID trainerId, BookingDetails details, boolean allowConflict) {
        return book(trainerId, details, List.of(details.clientId()), null, allowConflict);
    }

    /**
     * A session with 1..capacity clients; the overlap rule is about the trainer's time, so it is the same however
     * many clients are in it.
     *
     * @param clientIds the participants in order (each a current client of the trainer)
     * @param capacity the session's own capacity, or null for its session type's default
     */
    @Transactional
    public Booking create(UUID trainerId, BookingDetails details, List<UUID> clientIds, Integer capacity) {
        return book(trainerId, details, clientIds, capacity, false).booking();
    }

    /** A group or single session, checked by {@link Conflicts} (time off and busy calendars, unless overridden). */
    @Transactional
    public Booked book(UUID trainerId, BookingDetails details, List<UUID> clientIds, Integer capacity,
            boolean allowConflict) {
        clientIds.forEach(c -> clients.get(trainerId, c));
        Booking booking;
        try {
            booking = Booking.schedule(UUID.randomUUID(), trainerId, details, clientIds, capacity);
        } catch (Booking.InvalidParticipants e) {
            throw ApiProblem.invalid("client_ids", e.getMessage());
        }
        List<Clash> warnings = conflicts.check(trainerId, details.startsAt(), details.endsAt(), allowConflict);
        saveNew(booking);
        publish(booking);
        return new Booked(booking, warnings);
    }

    /** A booking the trainer can see (scheduled or cancelled). */
    public Booking get(UUID trainerId, UUID id) {
        return repository.find(trainerId, id).filter(b -> b.status() != BookingStatus.DELETED)
                .orElseThrow(() -> ApiProblem.notFound("The booking"));
    }

    /** Any booking, deleted ones included: the sync engine still has to take those out of calendars. */
    public Optional<Booking> findIncludingDeleted(UUID trainerId, UUID id) {
        return repository.find(trainerId, id);
    }

    public List<Booking> between(UUID trainerId, Instant from, Instant to) {
        return repository.between(trainerId, from, to);
    }

    /**
     * A bounded page of the trainer's visible bookings overlapping [from, to), after the (start, id) key of the
     * previous page's last booking when given.
     */
    public List<Booking> page(UUID trainerId, Instant from, Instant to, Instant afterStart, UUID afterId, int limit) {
        return repository.page(trainerId, from, to, afterStart, afterId, limit);
    }

    /**
     * Streams the scheduled bookings overlapping [from, to) to {@code each}, a bounded number of rows in memory at
     * a time. Call inside a (read-only) transaction.
     */
    public void streamScheduled(UUID trainerId, Instant from, Instant to, Consumer<Booking> each) {
        repository.streamScheduled(trainerId, from, to, each);
    }

    /**
     * A cheap summary that changes whenever the scheduled bookings overlapping [from, to) may have: their count and
     * the latest change to any of the trainer's bookings (a cancel or delete bumps it too).
     */
    public String fingerprint(UUID trainerId, Instant from, Instant to) {
        var f = repository.fingerprint(trainerId, from, to);
        return f.scheduled() + "@" + f.lastChange();
    }

    public List<Booking> scheduledFrom(UUID trainerId, Instant from) {
        return repository.scheduledFrom(trainerId, from);
    }

    @Transactional
    public Booking change(UUID trainerId, UUID id, BookingDetails details) {
        return reschedule(trainerId, id, details, false).booking();
    }

    /** A change; a new time is checked like a new booking, an unchanged time is not checked again. */
    @Transactional
    public Booked reschedule(UUID trainerId, UUID id, BookingDetails details, boolean allowConflict) {
        BookingDetails before = get(trainerId, id).details();
        if (!details.clientId().equals(before.clientId())) {
            clients.get(trainerId, details.clientId());
        }
        List<Clash> warnings = List.of();
        if (!details.startsAt().equals(before.startsAt()) || !details.endsAt().equals(before.endsAt())) {
            warnings = conflicts.check(trainerId, details.startsAt(), details.endsAt(), allowConflict);
        }
        return new Booked(apply(trainerId, id, booking -> booking.change(details)), warnings);
    }

    /**
     * A move the trainer made in one of their calendars: checked like a move in Spotter (time off and busy times
     * refuse it), and recorded in the session's activity in the same transaction, so the session never shows its
     * new time without the entry saying where it came from (nor the entry without the move).
     *
     * @param provider the calendar the move was made in ({@code apple}, {@code google})
     */
    @Transactional
    public Booked movedInCalendar(UUID trainerId, UUID id, Instant startsAt, Instant endsAt, String provider,
            String message) {
        BookingDetails d = get(trainerId, id).details();
        Booked moved = reschedule(trainerId, id, new BookingDetails(d.clientId(), startsAt, endsAt, d.sessionType(),
                d.location(), d.notes(), d.colorHex()), false);
        activity.record(trainerId, id, BookingActivity.Kind.MOVED_IN_CALENDAR, provider, message, false,
                clock.instant());
        return moved;
    }

    /**
     * Details, participants and capacity in one change. A client added must be a current client of the trainer;
     * one who stays keeps their attendance mark.
     */
    @Transactional
    public Booking change(UUID trainerId, UUID id, BookingDetails details, List<UUID> clientIds,
            Integer capacity) {
        return reschedule(trainerId, id, details, clientIds, capacity, false).booking();
    }

    /** {@link #change(UUID, UUID, BookingDetails, List, Integer)}; a new time is checked by {@link Conflicts}. */
    @Transactional
    public Booked reschedule(UUID trainerId, UUID id, BookingDetails details, List<UUID> clientIds,
            Integer capacity, boolean allowConflict) {
        Booking current = get(trainerId, id);
        List<UUID> before = current.clientIds();
        clientIds.stream().filter(c -> !before.contains(c)).forEach(c -> clients.get(trainerId, c));
        List<Clash> warnings = List.of();
        if (!details.startsAt().equals(current.details().startsAt())
                || !details.endsAt().equals(current.details().endsAt())) {
            warnings = conflicts.check(trainerId, details.startsAt(), details.endsAt(), allowConflict);
        }
        Booking changed = apply(trainerId, id, booking -> booking.change(details, clientIds, capacity));
        // leaving inside the late-cancel window (of the session as it was) is a late cancellation for that client
        if (late(trainerId, current.details().startsAt())) {
            before.stream().filter(c -> !clientIds.contains(c))
                    .forEach(c -> repository.recordLateRemoval(trainerId, id, c));
        }
        clientIds.stream().filter(c -> !before.contains(c))
                .forEach(c -> repository.forgetLateRemoval(trainerId, id, c));
        return new Booked(changed, warnings);
    }

    private boolean late(UUID trainerId, Instant startsAt) {
        java.time.Duration window = java.time.Duration.ofHours(repository.lateCancelHours(trainerId));
        return !clock.instant().isBefore(startsAt.minus(window));
    }

    @Transactional
    public Booking cancel(UUID trainerId, UUID id) {
        return cancel(trainerId, id, null);
    }

    /**
     * Cancels with an optional reason. Inside the trainer's late-cancel window (from that many hours before the
     * start, and after it) the cancellation is late, and every participant not yet marked is marked late_cancel.
     */
    @Transactional
    public Booking cancel(UUID trainerId, UUID id, String reason) {
        return apply(trainerId, id, booking -> booking.cancel(reason, late(trainerId, booking.details().startsAt())));
    }

    /** Marks one participant attended, no-show or late cancel; calendars are not told (nothing they show). */
    @Transactional
    public Booking markAttendance(UUID trainerId, UUID id, UUID clientId, Attendance attendance) {
        Booking booking = get(trainerId, id);
        try {
            if (booking.mark(clientId, attendance, clock.instant())) {
                repository.saveAttendance(booking, clientId);
            }
        } catch (Booking.IllegalBookingTransition e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (Booking.InvalidParticipants e) {
            throw ApiProblem.invalid("client_id", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return booking;
    }

    /** The client's sessions (scheduled and cancelled) starting in [from, to), either end open, at most limit. */
    public List<Booking> sessionsOf(UUID trainerId, UUID clientId, Instant from, Instant to, int limit) {
        return repository.sessionsOfClient(trainerId, clientId, from, to, limit);
    }

    /** A client's sessions and attendance marks for sessions starting in [from, to). */
    public AttendanceCounts counts(UUID trainerId, UUID clientId, Instant from, Instant to) {
        return repository.counts(trainerId, clientId, from, to);
    }

    /** Hours before a session's start from which a cancellation counts as late. */
    public int lateCancelHours(UUID trainerId) {
        return repository.lateCancelHours(trainerId);
    }

    @Transactional
    public void setLateCancelHours(UUID trainerId, int hours) {
        repository.setLateCancelHours(trainerId, hours);
    }

    /** Undoes a cancellation; refused (409) unless the booking is cancelled and its time is still free. */
    @Transactional
    public Booking restore(UUID trainerId, UUID id) {
        return apply(trainerId, id, Booking::restore);
    }

    @Transactional
    public void delete(UUID trainerId, UUID id) {
        apply(trainerId, id, Booking::delete);
    }

    /**
     * POPIA erasure of a client's sessions: each is deleted through the aggregate (so every calendar drops its
     * event, and an invited client gets a CANCEL), then their notes and locations are cleared. Returns the
     * anonymous counts (JSON) that are all that is kept.
     */
    @Transactional
    public String eraseSessionsOf(UUID trainerId, UUID clientId) {
        String counts = repository.anonymousCounts(trainerId, clientId);
        for (UUID id : repository.visibleIdsOfClient(trainerId, clientId)) {
            Booking booking = get(trainerId, id);
            List<UUID> others = booking.clientIds().stream().filter(c -> !c.equals(clientId)).toList();
            if (others.isEmpty()) {
                apply(trainerId, id, Booking::delete);
            } else if (booking.status() != BookingStatus.SCHEDULED) {
                // a cancelled group session is in no calendar: it stays in the others' history without them
                repository.dropParticipant(trainerId, id, clientId, others.getFirst());
            } else {
                // a group session goes on without them; they get a CANCEL, nobody else hears of it
                apply(trainerId, id, b -> b.change(b.details(), others, b.ownCapacity()));
            }
        }
        repository.clearDetailsOfClient(trainerId, clientId);
        return counts;
    }

    /** Account deletion: every visible booking deleted through the aggregate, so every calendar drops it. */
    @Transactional
    public int deleteAll(UUID trainerId) {
        List<UUID> ids = repository.visibleIds(trainerId);
        for (UUID id : ids) {
            apply(trainerId, id, Booking::delete);
        }
        return ids.size();
    }

    /** The trainer's visible bookings in start order, streamed (call inside a read-only transaction). */
    public void streamVisible(UUID trainerId, Consumer<Booking> each) {
        repository.streamVisible(trainerId, each);
    }

    /** A client's visible sessions (scheduled and cancelled), for their export. */
    public List<Booking> ofClient(UUID trainerId, UUID clientId) {
        return repository.visibleOfClient(trainerId, clientId);
    }

    /** Drops a deleted booking's row once every calendar has let go of it. */
    @Transactional
    public void purgeDeleted(UUID trainerId, UUID id) {
        repository.purge(trainerId, id);
    }

    private Booking apply(UUID trainerId, UUID id, Consumer<Booking> decision) {
        Booking booking = get(trainerId, id);
        try {
            decision.accept(booking);
        } catch (Booking.IllegalBookingTransition e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (Booking.InvalidParticipants e) {
            throw ApiProblem.invalid("client_ids", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("ends_at", e.getMessage());
        }
        if (booking.events().isEmpty()) {
            return booking;
        }
        if (booking.status() == BookingStatus.SCHEDULED) {
            refuseOverlap(booking);
        }
        try {
            if (!repository.update(booking)) {
                throw ApiProblem.conflict("The booking was changed meanwhile; reload it and try again.");
            }
        } catch (DataIntegrityViolationException e) {
            throw overlapConflict(e);
        }
        publish(booking);
        return booking;
    }

    private void saveNew(Booking booking) {
        boolean inserted;
        try {
            inserted = repository.insertUnlessOverlapping(booking);
        } catch (DataIntegrityViolationException e) {
            throw overlapConflict(e);
        }
        if (!inserted) {
            refuseOverlap(booking);
            // the session it overlapped was cancelled between the two statements: ask the trainer to try again
            throw ApiProblem.conflict("This time overlapped another of your sessions a moment ago; try again.");
        }
    }

    private void refuseOverlap(Booking booking) {
        BookingDetails d = booking.details();
        repository.firstOverlap(booking.trainerId(), booking.id(), d.startsAt(), d.endsAt()).ifPresent(o -> {
            ZoneId zone = trainers.get(booking.trainerId()).timezone();
            throw ApiProblem.conflict("This time overlaps your session on " + TIME.format(o.startsAt().atZone(zone))
                    + "-" + DateTimeFormatter.ofPattern("HH:mm").format(o.endsAt().atZone(zone)) + ".");
        });
    }

    /** The exclusion constraint caught a concurrent booking that the pre-check could not see yet. */
    private static RuntimeException overlapConflict(DataIntegrityViolationException e) {
        if (String.valueOf(e.getMessage()).contains("ex_bookings_no_overlap")) {
            return ApiProblem.conflict("This time overlaps another of your sessions.");
        }
        return e;
    }

    private void publish(Booking booking) {
        booking.events().forEach(publisher::publishEvent);
    }
}

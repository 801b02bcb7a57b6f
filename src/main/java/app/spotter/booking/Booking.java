package app.spotter.booking;

import app.spotter.booking.BookingEvent.BookingCancelled;
import app.spotter.booking.BookingEvent.BookingDeleted;
import app.spotter.booking.BookingEvent.BookingEdited;
import app.spotter.booking.BookingEvent.BookingRescheduled;
import app.spotter.booking.BookingEvent.BookingRestored;
import app.spotter.booking.BookingEvent.BookingScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The booking aggregate: it guards its own status machine and records what happened as {@link BookingEvent}s.
 * Every change that a calendar should notice raises {@code sequence} (RFC 5545 3.8.7.4), which also serves as the
 * optimistic-lock version when the booking is saved.
 */
public final class Booking {

    static final Duration LONGEST = Duration.ofHours(24);

    private final UUID id;
    private final UUID trainerId;
    private BookingDetails details;
    private BookingStatus status;
    private List<Participant> participants;
    private Integer capacity;
    private String cancelReason;
    private boolean lateCancel;
    private final int loadedSequence;
    private int sequence;
    private final List<BookingEvent> events = new ArrayList<>();
    /** The series this session belongs to, and the instant its rule gave it (RECURRENCE-ID); null for a single. */
    private UUID seriesId;
    private Instant occurrenceStart;

    /** A booking whose only participant is {@code details.clientId()}, at its session type's capacity. */
    Booking(UUID id, UUID trainerId, BookingDetails details, BookingStatus status, int sequence) {
        this(id, trainerId, details, status, sequence, List.of(new Participant(details.clientId(), null)), null,
                null, false);
    }

    /**
     * @param participants in order; the first is {@code details.clientId()}
     * @param capacity the booking's own capacity, or null for its session type's default
     */
    Booking(UUID id, UUID trainerId, BookingDetails details, BookingStatus status, int sequence,
            List<Participant> participants, Integer capacity, String cancelReason, boolean lateCancel) {
        this.id = Objects.requireNonNull(id);
        this.trainerId = Objects.requireNonNull(trainerId);
        this.details = Objects.requireNonNull(details);
        this.status = Objects.requireNonNull(status);
        this.participants = List.copyOf(participants);
        this.capacity = capacity;
        this.cancelReason = cancelReason;
        this.lateCancel = lateCancel;
        this.loadedSequence = sequence;
        this.sequence = sequence;
    }

    static Booking schedule(UUID id, UUID trainerId, BookingDetails details) {
        return schedule(id, trainerId, details, List.of(details.clientId()), null);
    }

    /** @param clientIds the participants, 1..capacity of them, the first being {@code details.clientId()} */
    static Booking schedule(UUID id, UUID trainerId, BookingDetails details, List<UUID> clientIds,
            Integer capacity) {
        checkTimes(details);
        checkParticipants(clientIds, capacity == null ? details.sessionType().defaultCapacity() : capacity);
        Booking booking = new Booking(id, trainerId, details.withClient(clientIds.getFirst()),
                BookingStatus.SCHEDULED, 0, clientIds.stream().map(c -> new Participant(c, null)).toList(),
                capacity, null, false);
        booking.events.add(new BookingScheduled(id, trainerId));
        return booking;
    }

    /** A session of a series, at the start its rule gave it. */
    static Booking scheduleOccurrence(UUID id, UUID trainerId, BookingDetails details, UUID seriesId) {
        Booking booking = schedule(id, trainerId, details);
        booking.seriesId = Objects.requireNonNull(seriesId);
        booking.occurrenceStart = details.startsAt();
        return booking;
    }

    /** As loaded: the series it belongs to (or null) and its occurrence's start. */
    Booking inSeries(UUID series, Instant occurrence) {
        this.seriesId = series;
        this.occurrenceStart = occurrence;
        return this;
    }

    /**
     * Applies new details; records a reschedule when the time moved, an edit when only other details did. A new
     * {@code clientId} replaces the participants by that one client (the single-client form of the API).
     */
    void change(BookingDetails changed) {
        List<UUID> clients = changed.clientId().equals(details.clientId()) ? clientIds()
                : List.of(changed.clientId());
        change(changed, clients, capacity);
    }

    /**
     * Applies new details, participants and capacity together (one SEQUENCE step). A participant who stays keeps
     * their attendance mark.
     *
     * @param clientIds 1..capacity distinct clients; the first becomes {@code clientId} of the details
     * @param newCapacity the booking's own capacity, or null for its session type's default
     */
    void change(BookingDetails changed, List<UUID> clientIds, Integer newCapacity) {
        requireStatus(BookingStatus.SCHEDULED, "change");
        checkTimes(changed);
        checkParticipants(clientIds, newCapacity == null ? changed.sessionType().defaultCapacity() : newCapacity);
        changed = changed.withClient(clientIds.getFirst());
        boolean sameClients = clientIds.equals(clientIds());
        if (changed.equals(details) && sameClients && Objects.equals(newCapacity, capacity)) {
            return;
        }
        if (!sameClients) {
            List<Participant> before = participants;
            participants = clientIds.stream().map(c -> before.stream().filter(p -> p.clientId().equals(c))
                    .findFirst().orElse(new Participant(c, null))).toList();
        }
        capacity = newCapacity;
        BookingDetails before = details;
        details = changed;
        sequence++;
        if (!before.startsAt().equals(changed.startsAt()) || !before.endsAt().equals(changed.endsAt())) {
            events.add(new BookingRescheduled(id, trainerId, before.startsAt(), changed.startsAt()));
        } else {
            events.add(new BookingEdited(id, trainerId));
        }
    }

    void cancel() {
        cancel(null, false);
    }

    /**
     * @param reason why, in the trainer's words (optional)
     * @param late inside the trainer's late-cancel window: every participant not yet marked is marked late_cancel
     */
    void cancel(String reason, boolean late) {
        requireStatus(BookingStatus.SCHEDULED, "cancel");
        status = BookingStatus.CANCELLED;
        cancelReason = reason;
        lateCancel = late;
        if (late) {
            participants = participants.stream().map(p -> p.attendance() == null
                    ? new Participant(p.clientId(), Attendance.LATE_CANCEL) : p).toList();
        }
        sequence++;
        events.add(new BookingCancelled(id, trainerId));
    }

    /**
     * Takes a cancellation back. Only a cancelled booking can be restored (a deleted one is gone), and the overlap
     * rule applies again as for any scheduled booking. The sequence rises, so calendars that saw the cancellation
     * accept the event again (RFC 5546 2.1.4).
     */
    void restore() {
        requireStatus(BookingStatus.CANCELLED, "be restored");
        status = BookingStatus.SCHEDULED;
        if (lateCancel) {
            // the late-cancel marks came with the cancellation, so they go with it
            participants = participants.stream().map(p -> p.attendance() == Attendance.LATE_CANCEL
                    ? new Participant(p.clientId(), null) : p).toList();
        }
        cancelReason = null;
        lateCancel = false;
        sequence++;
        events.add(new BookingRestored(id, trainerId));
    }

    void delete() {
        if (status == BookingStatus.DELETED) {
            throw new IllegalBookingTransition("delete", status);
        }
        status = BookingStatus.DELETED;
        sequence++;
        events.add(new BookingDeleted(id, trainerId));
    }

    private void requireStatus(BookingStatus required, String action) {
        if (status != required) {
            throw new IllegalBookingTransition(action, status);
        }
    }

    /**
     * Marks how one participant's session went. Attended and no-show need a scheduled session that has started;
     * a late cancel can be marked on a cancelled one too. Not a calendar change: the SEQUENCE stays.
     *
     * @return false when nothing changed
     */
    boolean mark(UUID clientId, Attendance attendance, Instant now) {
        if (status == BookingStatus.DELETED) {
            throw new IllegalBookingTransition("be marked", status);
        }
        if (attendance != Attendance.LATE_CANCEL) {
            requireStatus(BookingStatus.SCHEDULED, "be marked " + attendance.value().replace('_', ' '));
            if (now.isBefore(details.startsAt())) {
                throw new IllegalStateException("The session has not started yet.");
            }
        }
        Participant current = participants.stream().filter(p -> p.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new InvalidParticipants("is not a participant of this session"));
        if (current.attendance() == attendance) {
            return false;
        }
        participants = participants.stream().map(p -> p == current ? new Participant(clientId, attendance) : p)
                .toList();
        return true;
    }

    private static void checkParticipants(List<UUID> clientIds, int capacity) {
        if (clientIds.isEmpty()) {
            throw new InvalidParticipants("a session has at least one client");
        }
        if (new HashSet<>(clientIds).size() != clientIds.size()) {
            throw new InvalidParticipants("a client is in a session once");
        }
        if (clientIds.size() > capacity) {
            throw new InvalidParticipants("this session holds at most " + capacity
                    + (capacity == 1 ? " client" : " clients"));
        }
    }

    private static void checkTimes(BookingDetails d) {
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw new IllegalArgumentException("a booking ends after it starts");
        }
        if (Duration.between(d.startsAt(), d.endsAt()).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a booking lasts at most 24 hours");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID trainerId() {
        return trainerId;
    }

    public BookingDetails details() {
        return details;
    }

    /** The series this session belongs to, or null for a single session. */
    public UUID seriesId() {
        return seriesId;
    }

    /** The start the series' rule gave this session (its RECURRENCE-ID), or null for a single session. */
    public Instant occurrenceStart() {
        return occurrenceStart;
    }

    public BookingStatus status() {
        return status;
    }

    /** The clients in the session, in order; the first is {@code details().clientId()}. */
    public List<Participant> participants() {
        return participants;
    }

    public List<UUID> clientIds() {
        return participants.stream().map(Participant::clientId).toList();
    }

    /** How many clients the session holds: its own capacity or its session type's default. */
    public int capacity() {
        return capacity != null ? capacity : details.sessionType().defaultCapacity();
    }

    /** The booking's own capacity, null when it follows its session type. */
    Integer ownCapacity() {
        return capacity;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** Cancelled inside the trainer's late-cancel window. */
    public boolean lateCancel() {
        return lateCancel;
    }

    public int sequence() {
        return sequence;
    }

    int loadedSequence() {
        return loadedSequence;
    }

    /** The events recorded since the booking was loaded, oldest first. */
    List<BookingEvent> events() {
        return List.copyOf(events);
    }

    public static final class IllegalBookingTransition extends IllegalStateException {
        IllegalBookingTransition(String action, BookingStatus status) {
            super("A " + status.value() + " booking cannot " + action + ".");
        }
    }

    /** The participants asked for do not fit the session (none, twice the same, more than its capacity). */
    public static final class InvalidParticipants extends IllegalArgumentException {
        InvalidParticipants(String message) {
            super(message);
        }
    }
}

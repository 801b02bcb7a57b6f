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
    private final int loadedSequence;
    private int sequence;
    private final List<BookingEvent> events = new ArrayList<>();
    /** The series this session belongs to, and the instant its rule gave it (RECURRENCE-ID); null for a single. */
    private UUID seriesId;
    private Instant occurrenceStart;

    Booking(UUID id, UUID trainerId, BookingDetails details, BookingStatus status, int sequence) {
        this(id, trainerId, details, status, sequence, null, null);
    }

    Booking(UUID id, UUID trainerId, BookingDetails details, BookingStatus status, int sequence, UUID seriesId,
            Instant occurrenceStart) {
        this.seriesId = seriesId;
        this.occurrenceStart = occurrenceStart;
        this.id = Objects.requireNonNull(id);
        this.trainerId = Objects.requireNonNull(trainerId);
        this.details = Objects.requireNonNull(details);
        this.status = Objects.requireNonNull(status);
        this.loadedSequence = sequence;
        this.sequence = sequence;
    }

    static Booking schedule(UUID id, UUID trainerId, BookingDetails details) {
        checkTimes(details);
        Booking booking = new Booking(id, trainerId, details, BookingStatus.SCHEDULED, 0);
        booking.events.add(new BookingScheduled(id, trainerId));
        return booking;
    }

    /** Applies new details; records a reschedule when the time moved, an edit when only other details did. */
    /** A session of a series, at the start its rule gave it. */
    static Booking scheduleOccurrence(UUID id, UUID trainerId, BookingDetails details, UUID seriesId) {
        Booking booking = schedule(id, trainerId, details);
        booking.seriesId = Objects.requireNonNull(seriesId);
        booking.occurrenceStart = details.startsAt();
        return booking;
    }

    void change(BookingDetails changed) {
        requireStatus(BookingStatus.SCHEDULED, "change");
        checkTimes(changed);
        if (changed.equals(details)) {
            return;
        }
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
        requireStatus(BookingStatus.SCHEDULED, "cancel");
        status = BookingStatus.CANCELLED;
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
}

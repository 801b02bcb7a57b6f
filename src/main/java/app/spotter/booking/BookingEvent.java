package app.spotter.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a booking, in the past tense. Published inside the transaction that made the change, so a
 * listener that schedules calendar work commits (or rolls back) with the booking itself.
 */
public sealed interface BookingEvent {

    UUID bookingId();

    UUID trainerId();

    record BookingScheduled(UUID bookingId, UUID trainerId) implements BookingEvent {}

    record BookingRescheduled(UUID bookingId, UUID trainerId, Instant previousStart, Instant newStart)
            implements BookingEvent {}

    /** Details other than the time changed (client, session type, location, colour). */
    record BookingEdited(UUID bookingId, UUID trainerId) implements BookingEvent {}

    record BookingCancelled(UUID bookingId, UUID trainerId) implements BookingEvent {}

    /** A cancellation taken back (the web app's "Undo"): the session is scheduled again. */
    record BookingRestored(UUID bookingId, UUID trainerId) implements BookingEvent {}

    record BookingDeleted(UUID bookingId, UUID trainerId) implements BookingEvent {}
}

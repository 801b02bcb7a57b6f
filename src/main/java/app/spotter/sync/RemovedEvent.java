package app.spotter.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A session whose event the trainer deleted in one of their calendars and has not decided about yet.
 *
 * @param wholeSeries the whole repeating series was deleted there; {@code bookingId} is its first session
 */
public record RemovedEvent(UUID bookingId, Provider provider, Instant removedAt, boolean wholeSeries) {}

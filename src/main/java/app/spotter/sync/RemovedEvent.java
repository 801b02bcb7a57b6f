package app.spotter.sync;

import java.time.Instant;
import java.util.UUID;

/** A session whose event the trainer deleted in one of their calendars and has not decided about yet. */
public record RemovedEvent(UUID bookingId, Provider provider, Instant removedAt) {}

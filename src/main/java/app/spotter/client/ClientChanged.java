package app.spotter.client;

import java.util.UUID;

/** A client's name or address changed: calendars that show it need the trainer's bookings with them again. */
public record ClientChanged(UUID trainerId, UUID clientId) {}

package app.spotter.trainer;

import java.time.ZoneId;
import java.util.UUID;

/** Published inside the sign-up transaction, so other modules can set up the trainer's defaults atomically. */
public record TrainerRegistered(UUID trainerId, ZoneId timezone) {}

package app.spotter.trainer;

import java.time.ZoneId;
import java.util.UUID;

/** A personal trainer's account. The password hash never leaves the trainer module. */
public record Trainer(UUID id, String name, String email, ZoneId timezone) {}

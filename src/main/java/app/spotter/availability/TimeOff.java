package app.spotter.availability;

import java.time.Instant;
import java.util.UUID;

/** Time the trainer is away (leave, a course): booking into it is a 409 unless the trainer overrides it. */
public record TimeOff(UUID id, Instant startsAt, Instant endsAt, String label) {}

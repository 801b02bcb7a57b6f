package app.spotter.trainer;

import java.io.Serializable;
import java.util.UUID;

/** The principal of an authenticated request: only the id, nothing secret. */
public record SignedInTrainer(UUID id) implements Serializable {}

package app.spotter.sync.store;

import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

/**
 * What Spotter last wrote for one booking to one calendar (a {@code calendar_events} row).
 *
 * @param contentHash fingerprint of the content written; equal fingerprint = nothing to send
 */
public record Mirror(RemoteEvent remote, String contentHash, int sequence) {}

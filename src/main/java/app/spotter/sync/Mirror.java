package app.spotter.sync;

/**
 * What Spotter last wrote for one booking to one calendar (a {@code calendar_events} row).
 *
 * @param contentHash fingerprint of the content written; equal fingerprint = nothing to send
 */
record Mirror(RemoteEvent remote, String contentHash, int sequence) {}

package app.spotter.sync.store;

import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncStatus;

/**
 * What Spotter last wrote for one booking to one calendar (a {@code calendar_events} row).
 *
 * @param contentHash fingerprint of the content written; equal fingerprint = nothing to send
 * @param removedThere the trainer deleted the event in that calendar and has not chosen yet: it stays out of it
 * @param decidedEtag the calendar's etag of the last change made there that Spotter decided on, or null
 */
public record Mirror(RemoteEvent remote, String contentHash, int sequence, boolean removedThere, String decidedEtag) {

    public Mirror(RemoteEvent remote, String contentHash, int sequence) {
        this(remote, contentHash, sequence, false, null);
    }
}

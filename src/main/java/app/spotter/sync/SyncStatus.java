package app.spotter.sync;

import java.time.Instant;

/** One row of {@code calendar_sync_status} as the trainer sees it. */
public record SyncStatus(Provider provider, Instant lastSync, String syncStatus, int eventsSynced,
        String errorMessage) {

    public static final String OK = "ok";
    public static final String SYNCING = "syncing";
    public static final String ERROR = "error";
    public static final String NEEDS_RECONNECT = "needs_reconnect";
    public static final String DISABLED = "disabled";
}

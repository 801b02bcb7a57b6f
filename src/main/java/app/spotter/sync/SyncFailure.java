package app.spotter.sync;

import java.time.Duration;

/**
 * A calendar refused or failed a request. The kind decides what the engine does next (docs/architecture.md "Failures").
 * The message is written for the trainer: it ends up in {@code calendar_sync_status.error_message}.
 */
public class SyncFailure extends Exception {

    public enum Kind {
        /** 5xx, 429, timeouts, Google rate-limit 403: retry with backoff. */
        TRANSIENT,
        /** 401, invalid_grant, revoked app password: stop, keep the work, ask the trainer to reconnect. */
        AUTH,
        /** Anything retrying cannot fix (400, a calendar that no longer exists): shown, not retried blindly. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    public SyncFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static SyncFailure transientFailure(String message, Duration retryAfter, Throwable cause) {
        return new SyncFailure(Kind.TRANSIENT, message, retryAfter, cause);
    }

    public static SyncFailure auth(String message) {
        return new SyncFailure(Kind.AUTH, message, null, null);
    }

    public static SyncFailure permanent(String message, Throwable cause) {
        return new SyncFailure(Kind.PERMANENT, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's Retry-After, when it sent one; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns a status Spotter did not expect into a {@link SyncFailure} whose kind tells the engine what to do and
 * whose message tells the trainer what happened (docs/architecture.md). Statuses an operation expects (412 on a
 * conditional PUT, 404 on DELETE, ...) are handled by the operation before it gets here.
 */
final class FailureMapper {

    enum Access { READ, WRITE }

    private final Clock clock;

    FailureMapper(Clock clock) {
        this.clock = clock;
    }

    SyncFailure forStatus(DavExchange exchange, Access access) {
        int status = exchange.status();
        Duration retryAfter = RetryAfter.parse(exchange.header("Retry-After").orElse(null), clock).orElse(null);
        String where = exchange.uri().getHost();
        if (status == 401) {
            // Basic auth failed. Retrying cannot help and hammering may lock the account: ask for a new password.
            return SyncFailure.auth(isIcloud(exchange)
                    ? "Apple refused the app-specific password; create a new one at appleid.apple.com and reconnect."
                    : "The calendar server " + where + " refused the username or password; check them and reconnect.");
        }
        if (status == 403) {
            // Authenticated but not allowed: a read-only or shared calendar. Only the trainer can change that.
            return SyncFailure.permanent(access == Access.WRITE
                    ? "The calendar server " + where + " does not let Spotter change this calendar (403 Forbidden); "
                            + "choose a calendar you own."
                    : "The calendar server " + where + " does not let Spotter read this calendar (403 Forbidden).",
                    null);
        }
        if (status == 404 || status == 410) {
            // The calendar (not a single event: operations handle those) is gone; the trainer deleted it there.
            return SyncFailure.permanent("The calendar no longer exists on " + where + "; choose or create one again.",
                    null);
        }
        if (status == 408) {
            // The server gave up waiting for our request: a network hiccup, worth another try.
            return SyncFailure.transientFailure("The calendar server " + where + " timed out; Spotter will retry.",
                    retryAfter, null);
        }
        if (status == 429) {
            // Rate limited: back off, honouring Retry-After (RFC 6585 4).
            return SyncFailure.transientFailure("The calendar server " + where + " asked Spotter to slow down; "
                    + "Spotter will retry.", retryAfter, null);
        }
        if (status == 507 && access == Access.WRITE) {
            // Out of storage (RFC 4918 11.5): the account is full; retrying will not free space (iCloud quota).
            return SyncFailure.permanent("The calendar account on " + where + " is out of storage space.", null);
        }
        if (status >= 500) {
            // Server trouble or maintenance (503 usually with Retry-After): transient by definition.
            return SyncFailure.transientFailure("The calendar server " + where + " had a problem (" + words(status)
                    + "); Spotter will retry.", retryAfter, null);
        }
        if (status >= 300 && status < 400) {
            // Only a redirect without a Location (or one we refused to follow) gets here.
            return SyncFailure.permanent("The calendar server " + where + " sent Spotter somewhere it cannot follow ("
                    + words(status) + ").", null);
        }
        // Any other 4xx: our request was wrong for this server (400, 405, 409, 413, 415, ...). Retrying the same
        // request gives the same answer, so show it in words and stop.
        return SyncFailure.permanent("The calendar server " + where + " refused the request (" + words(status) + ").",
                null);
    }

    SyncFailure forIo(IOException e, String host) {
        if (e instanceof HttpTimeoutException) {
            // Connect (10 s) or request (30 s) timeout: the server is slow or unreachable right now.
            return SyncFailure.transientFailure("The calendar server " + host + " did not answer in time; "
                    + "Spotter will retry.", null, e);
        }
        if (e instanceof UnknownHostException) {
            // DNS can fail for a moment; a mistyped server URL would fail forever, but the trainer sees the message.
            return SyncFailure.transientFailure("The calendar server " + host + " could not be found; check the "
                    + "server address.", null, e);
        }
        if (e instanceof SSLException) {
            // A broken or intercepted certificate is not fixed by retrying, and must never be ignored.
            return SyncFailure.permanent("The secure connection to " + host + " failed: " + e.getMessage(), e);
        }
        if (e instanceof ConnectException) {
            return SyncFailure.transientFailure("Spotter could not connect to " + host + "; it will retry.", null, e);
        }
        // Reset connections, truncated responses: the network, not the request.
        return SyncFailure.transientFailure("The connection to " + host + " failed; Spotter will retry.", null, e);
    }

    static boolean isIcloud(DavExchange exchange) {
        String host = exchange.uri().getHost();
        return host != null && (host.equals("icloud.com") || host.endsWith(".icloud.com"));
    }

    /** Status codes in words, since HTTP/2 carries no reason phrase and trainers do not read numbers. */
    static String words(int status) {
        String reason = switch (status) {
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 507 -> "Insufficient Storage";
            default -> null;
        };
        return reason == null ? "HTTP " + status : status + " " + reason;
    }
}

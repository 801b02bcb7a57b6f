package app.spotter.sync.google;

import app.spotter.sync.SyncFailure;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Turns what the Calendar API answered into a {@link SyncFailure} the engine can act on, following
 * https://developers.google.com/workspace/calendar/api/guides/errors. Messages are for the trainer's status line.
 */
final class GoogleErrors {

    static final String REVOKED = "Google access was revoked; reconnect Google";

    /** The 403 reasons that mean "too fast", not "forbidden" (guides/errors, "403: Rate limit exceeded"). */
    private static final Set<String> RATE_LIMIT_REASONS =
            Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded");

    private final InstantSource clock;

    GoogleErrors(InstantSource clock) {
        this.clock = clock;
    }

    SyncFailure classify(IOException e) {
        if (e instanceof HttpResponseException http) {
            return classify(http.getStatusCode(), reason(http), http.getHeaders().getRetryAfter(), e);
        }
        if (e instanceof app.spotter.sync.http.BoundedHttp.DeadlineExceeded) {
            return SyncFailure.transientFailure("Google did not finish answering in time; Spotter will try again",
                    null, e);
        }
        if (e instanceof app.spotter.sync.http.CappedBody.TooLarge) {
            return SyncFailure.transientFailure("Google sent a far larger answer than expected; Spotter stopped "
                    + "reading it and will try again", null, e);
        }
        // No HTTP answer at all (refused, reset, timed out, cut off mid-body): the request may or may not have
        // been applied; our ids are deterministic, so trying again is safe.
        return SyncFailure.transientFailure("Google could not be reached; Spotter will try again", null, e);
    }

    SyncFailure classify(int status, String reason, String retryAfterHeader, Throwable cause) {
        Duration retryAfter = retryAfter(retryAfterHeader);
        if (status == 400) {
            // The request itself is wrong; sending it again gets the same answer (guides/errors: "do not retry").
            return SyncFailure.permanent("Google refused the event as invalid", cause);
        }
        if (status == 401) {
            // Reached only after one token refresh was already tried: the grant itself is gone.
            return SyncFailure.auth(REVOKED);
        }
        if (status == 403 && reason != null && RATE_LIMIT_REASONS.contains(reason)) {
            // Google reports per-user and per-project rate limits as 403 with one of these reasons; backing off
            // is the documented remedy.
            return SyncFailure.transientFailure("Google asked Spotter to slow down; retrying shortly", retryAfter, cause);
        }
        if (status == 403) {
            // Any other 403 (no write access to that calendar, a missing scope) will not pass by waiting.
            return SyncFailure.permanent("Google does not let Spotter write to this calendar; reconnect Google "
                    + "or choose a calendar you own", cause);
        }
        if (status == 404) {
            // Event 404s are handled by the caller; one reaching here means the calendar itself is gone.
            return SyncFailure.permanent("The Google calendar Spotter writes to no longer exists; choose another",
                    cause);
        }
        if (status == 409 || status == 412) {
            // A race with another writer that outlasted our re-read; the next attempt starts from fresh state.
            return SyncFailure.transientFailure("The Google event changed while Spotter wrote it; retrying", null,
                    cause);
        }
        if (status == 429) {
            // Too many requests: documented as retry with exponential backoff, honouring Retry-After.
            return SyncFailure.transientFailure("Google asked Spotter to slow down; retrying shortly", retryAfter, cause);
        }
        if (status >= 500) {
            // Google's own trouble (500 backendError, 503): documented as retry with backoff.
            return SyncFailure.transientFailure("Google is having trouble; Spotter will try again", retryAfter, cause);
        }
        // Any other client error is ours to fix, not the network's.
        return SyncFailure.permanent("Google refused the request (HTTP " + status + ")", cause);
    }

    static String reason(HttpResponseException e) {
        if (e instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (details != null && details.getErrors() != null && !details.getErrors().isEmpty()) {
                return details.getErrors().getFirst().getReason();
            }
        }
        return null;
    }

    /** RFC 9110 10.2.3: either delay-seconds or an HTTP-date. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}

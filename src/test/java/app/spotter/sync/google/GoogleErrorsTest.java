package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncFailure.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleErrorsTest {

    private final GoogleErrors errors = new GoogleErrors(() -> Instant.parse("2026-03-01T08:00:00Z"));

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource(nullValues = "-", value = {
        "400, badRequest, PERMANENT",
        "400, -, PERMANENT",
        "401, authError, AUTH",
        "403, rateLimitExceeded, TRANSIENT",
        "403, userRateLimitExceeded, TRANSIENT",
        "403, quotaExceeded, TRANSIENT",
        "403, forbidden, PERMANENT",
        "403, insufficientPermissions, PERMANENT",
        "403, -, PERMANENT",
        "404, notFound, PERMANENT",
        "409, duplicate, TRANSIENT",
        "412, conditionNotMet, TRANSIENT",
        "429, rateLimitExceeded, TRANSIENT",
        "429, -, TRANSIENT",
        "500, backendError, TRANSIENT",
        "502, -, TRANSIENT",
        "503, -, TRANSIENT",
        "422, -, PERMANENT",
    })
    void eachGoogleAnswerIsClassifiedAsTheErrorGuideAdvises(int status, String reason, Kind kind) {
        assertThat(errors.classify(status, reason, null, null).kind()).isEqualTo(kind);
    }

    @Test
    void aRevokedGrantTellsTheTrainerToReconnectGoogle() {
        assertThat(errors.classify(401, "authError", null, null).getMessage())
                .isEqualTo("Google access was revoked; reconnect Google");
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        SyncFailure f = errors.classify(429, null, "17", null);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        SyncFailure f = errors.classify(503, null, "Sun, 01 Mar 2026 08:01:00 GMT", null);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertThat(errors.classify(429, null, "soon", null).retryAfter()).isNull();
    }

    @Test
    void noAnswerAtAllIsTransient() {
        SyncFailure f = errors.classify(new SocketTimeoutException("Read timed out"));
        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(f.getCause()).isInstanceOf(IOException.class);
    }
}

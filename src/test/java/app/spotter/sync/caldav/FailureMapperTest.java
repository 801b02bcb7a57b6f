package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncFailure.Kind;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMapperTest {

    private final FailureMapper mapper =
            new FailureMapper(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void a401FromIcloudAsksForANewAppSpecificPassword() {
        SyncFailure failure = mapper.forStatus(answer("https://p42-caldav.icloud.com/x/", 401), FailureMapper.Access.READ);

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("Apple refused the app-specific password; create a new one at "
                + "appleid.apple.com and reconnect.");
    }

    @Test
    void a401FromAnyOtherServerNamesThatServer() {
        SyncFailure failure = mapper.forStatus(answer("https://dav.example.org/", 401), FailureMapper.Access.READ);

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).contains("dav.example.org").contains("reconnect");
    }

    @Test
    void a403OnAWriteIsPermanentAndSaysTheCalendarIsNotWritable() {
        SyncFailure failure = mapper.forStatus(answer("https://dav.example.org/", 403), FailureMapper.Access.WRITE);

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("does not let Spotter change this calendar");
    }

    @Test
    void a503WithRetryAfterIsTransientAndCarriesTheDelay() {
        SyncFailure failure = mapper.forStatus(answer("https://dav.example.org/", 503, "Retry-After", "30"),
                FailureMapper.Access.WRITE);

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(failure.getMessage()).contains("503 Service Unavailable");
    }

    @Test
    void a429WithAnHttpDateIsTransientUntilThatDate() {
        SyncFailure failure = mapper.forStatus(
                answer("https://dav.example.org/", 429, "Retry-After", "Sun, 01 Mar 2026 08:02:00 GMT"),
                FailureMapper.Access.READ);

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void otherClientErrorsArePermanentWithTheStatusInWords() {
        SyncFailure failure = mapper.forStatus(answer("https://dav.example.org/", 415), FailureMapper.Access.WRITE);

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("415 Unsupported Media Type");
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void aFullAccountIsPermanentOnAWrite() {
        assertThat(mapper.forStatus(answer("https://dav.example.org/", 507), FailureMapper.Access.WRITE).kind())
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void timeoutsAndRefusedConnectionsAreTransient() {
        assertThat(mapper.forIo(new HttpTimeoutException("request timed out"), "dav.example.org").kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(mapper.forIo(new ConnectException("refused"), "dav.example.org").kind())
                .isEqualTo(Kind.TRANSIENT);
    }

    private static DavExchange answer(String uri, int status, String... header) {
        Map<String, List<String>> headers = header.length == 0 ? Map.of() : Map.of(header[0], List.of(header[1]));
        return new DavExchange("PUT", URI.create(uri), status, HttpHeaders.of(headers, (a, b) -> true), new byte[0]);
    }
}

package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.http.HostileServer;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official Google client over Spotter's transport, against a server that trickles, stalls or floods: a
 * Calendar API request and an OAuth token refresh each end within the deadline, read at most the cap, and become
 * transient failures in words.
 */
class GoogleHostileServerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private static BoundedHttpTransport transport() {
        return new BoundedHttpTransport(Duration.ofSeconds(2), DEADLINE, 64 * 1024, 16 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileServer.Behaviour.class)
    void aCalendarApiRequestToAHostileServerEndsWithinTheDeadline(HostileServer.Behaviour behaviour)
            throws Exception {
        try (HostileServer server = new HostileServer(behaviour)) {
            Calendar calendar = new Calendar.Builder(transport(), GsonFactory.getDefaultInstance(),
                    request -> request.setNumberOfRetries(0))
                    .setRootUrl(server.baseUrl().toString()).setApplicationName("Spotter").build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> calendar.events().list("primary").execute())
                    .isInstanceOfSatisfying(IOException.class, e -> {
                        SyncFailure failure = new GoogleErrors(InstantSource.system()).classify(e);
                        assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                        assertThat(failure.getMessage()).startsWith("Google").contains("try again");
                    });

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plus(MARGIN));
            assertBounded(server, behaviour);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileServer.Behaviour.class)
    void anOAuthTokenRefreshAgainstAHostileServerEndsWithinTheDeadline(HostileServer.Behaviour behaviour)
            throws Exception {
        try (HostileServer server = new HostileServer(behaviour)) {
            GoogleEndpoints endpoints = new GoogleEndpoints(server.baseUrl().toString(),
                    server.baseUrl() + "auth", server.baseUrl() + "token", "client", "secret");
            GoogleOAuth oauth = new GoogleOAuth(endpoints, transport(), InstantSource.system());
            Connection connection = new Connection(UUID.randomUUID(), Provider.GOOGLE, Map.of(), "refresh-token");

            long started = System.nanoTime();
            assertThatThrownBy(() -> oauth.accessToken(connection)).isInstanceOfSatisfying(SyncFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plus(MARGIN));
            assertBounded(server, behaviour);
        }
    }

    private static void assertBounded(HostileServer server, HostileServer.Behaviour behaviour) throws Exception {
        if (behaviour == HostileServer.Behaviour.ENDLESS_BODY || behaviour == HostileServer.Behaviour.HUGE_BODY) {
            assertThat(server.bytesSent()).isLessThan(32L * 1024 * 1024);
        }
        assertThat(server.awaitClientHangUp(MARGIN)).as("the client closed the connection").isTrue();
    }
}

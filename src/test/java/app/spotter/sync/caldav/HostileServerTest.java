package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.http.HostileServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trainer's own CalDAV server may trickle, stall or flood. Whatever it does, one call costs at most the deadline
 * and the size cap, ends as a transient failure in words, and lets go of the connection, both when the trainer
 * connects (discovery) and when a booking is pushed.
 */
class HostileServerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Time for the JVM and a shared 2-core machine on top of the deadline. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final long MULTISTATUS_CAP = 64 * 1024;
    private static final long OBJECT_CAP = 16 * 1024;

    private static CalDavClient client(HostileServer server) {
        DavPolicy policy = DavPolicy.allowingPrivateNetworks().withDeadline(DEADLINE)
                .withCaps(MULTISTATUS_CAP, OBJECT_CAP);
        return CalDavClient.connect(server.baseUrl(), "trainer", "app-password", DavTransport.defaultHttpClient(),
                Clock.systemUTC(), policy, null);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileServer.Behaviour.class)
    void connectingToAHostileServerEndsWithinTheDeadlineAsATransientFailure(HostileServer.Behaviour behaviour)
            throws Exception {
        try (HostileServer server = new HostileServer(behaviour)) {
            CalDavClient client = client(server);

            long started = System.nanoTime();
            assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                assertThat(failure.getMessage()).contains("127.0.0.1").contains("Spotter will retry");
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
            assertBounded(server, behaviour);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileServer.Behaviour.class)
    void pushingABookingToAHostileServerEndsWithinTheDeadlineAsATransientFailure(HostileServer.Behaviour behaviour)
            throws Exception {
        try (HostileServer server = new HostileServer(behaviour)) {
            CalDavClient client = client(server);
            URI object = CalDavClient.objectUrl(server.baseUrl().resolve("/calendars/trainer/spotter/"), "b.ics");

            long started = System.nanoTime();
            assertThatThrownBy(() -> client.put(object, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
                    .getBytes(StandardCharsets.UTF_8), new WritePrecondition.CreateOnly()))
                    .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                        assertThat(failure.getMessage()).contains("127.0.0.1").contains("Spotter will retry");
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
            assertBounded(server, behaviour);
        }
    }

    /** The cap, not the server, decided how much was read; and the connection was closed, not left hanging. */
    private static void assertBounded(HostileServer server, HostileServer.Behaviour behaviour) throws Exception {
        if (behaviour == HostileServer.Behaviour.ENDLESS_BODY || behaviour == HostileServer.Behaviour.HUGE_BODY) {
            // Loopback socket buffers hold a few MiB that the client never reads; 1 GiB would be the server's wish.
            assertThat(server.bytesSent()).isLessThan(32L * 1024 * 1024);
        }
        assertThat(server.awaitClientHangUp(MARGIN)).as("the client closed the connection").isTrue();
    }
}

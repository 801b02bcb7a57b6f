package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.http.HostileServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two jobs of one connection run at once, but the trainer's server sees one request at a time: CalDAV servers
 * serialise writes to a collection, so a second request in flight only slows the first. A stalled request holds
 * the next one back for at most that one's own deadline.
 */
class OneRequestInFlightTest {

    private static final byte[] EVENT = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void pushesOfOneConnectionReachItsServerOneAtATime() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(40); // long enough for a second request to arrive if the client sent one
                exchange.getResponseHeaders().add("ETag", "\"" + served.incrementAndGet() + "\"");
                exchange.sendResponseHeaders(201, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        CalDavClient client = client(base, DavPolicy.DEFAULT_DEADLINE);
        ExecutorService jobs = Executors.newFixedThreadPool(4);
        try {
            List<Future<PutOutcome>> pushes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                URI object = CalDavClient.objectUrl(base.resolve("/calendars/trainer/spotter/"), "b" + i + ".ics");
                pushes.add(jobs.submit(() -> client.put(object, EVENT, new WritePrecondition.CreateOnly())));
            }
            for (Future<PutOutcome> push : pushes) {
                assertThat(push.get(30, TimeUnit.SECONDS)).isInstanceOf(PutOutcome.Stored.class);
            }
        } finally {
            jobs.shutdownNow();
            server.stop(0);
        }
        assertThat(served).hasValue(12);
        assertThat(most).hasValue(1);
    }

    @Test
    void aPushBehindAStalledOneGivesUpWithinItsOwnDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(2);
        try (HostileServer server = new HostileServer(HostileServer.Behaviour.NEVER_ANSWERS)) {
            CalDavClient client = client(server.baseUrl(), deadline);
            URI calendar = server.baseUrl().resolve("/calendars/trainer/spotter/");
            ExecutorService jobs = Executors.newFixedThreadPool(2);
            try {
                long started = System.nanoTime();
                Future<?> first = jobs.submit(() -> client.put(CalDavClient.objectUrl(calendar, "a.ics"), EVENT,
                        new WritePrecondition.CreateOnly()));
                Future<?> second = jobs.submit(() -> client.put(CalDavClient.objectUrl(calendar, "b.ics"), EVENT,
                        new WritePrecondition.CreateOnly()));
                for (Future<?> push : List.of(first, second)) {
                    assertThatThrownBy(() -> push.get(30, TimeUnit.SECONDS)).cause()
                            .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                                assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                                assertThat(failure.getMessage()).contains("did not finish answering within 2 seconds");
                            });
                }
                // both ran out of their own deadlines side by side, not one after the other
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(deadline.multipliedBy(2));
            } finally {
                jobs.shutdownNow();
            }
        }
    }

    private static CalDavClient client(URI base, Duration deadline) {
        return CalDavClient.connect(base, "trainer", "app-password", DavTransport.defaultHttpClient(),
                Clock.systemUTC(), DavPolicy.allowingPrivateNetworks().withDeadline(deadline), null);
    }
}

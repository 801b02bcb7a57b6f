package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A server that hangs up without answering, as a closed keep-alive socket looks to the client. */
class DroppedConnectionTest {

    @Test
    void aRequestWhoseConnectionDropsBeforeAnyAnswerIsSentOnceMoreOnAFreshConnection() throws Exception {
        try (HangUpServer server = new HangUpServer(1)) {
            DavExchange answer = transport().send(DavRequest.of("PUT", server.uri()).withHeader("If-None-Match", "*"));

            assertThat(answer.status()).isEqualTo(201);
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionThatDropsTwiceIsATransientFailure() throws Exception {
        try (HangUpServer server = new HangUpServer(Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> transport().send(DavRequest.of("DELETE", server.uri())))
                    .isInstanceOfSatisfying(SyncFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT));
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    private static DavTransport transport() {
        return new DavTransport(DavTransport.defaultHttpClient(), "u", "p", Clock.systemUTC());
    }

    /** Hangs up on the first {@code drops} requests after reading their headers, then answers 201. */
    private static final class HangUpServer implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket;

        HangUpServer(int drops) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // read the request head; these requests carry no body
                        }
                        if (requests.incrementAndGet() > drops) {
                            OutputStream out = connection.getOutputStream();
                            out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/cal/a.ics");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

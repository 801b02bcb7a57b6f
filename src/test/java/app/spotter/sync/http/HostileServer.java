package app.spotter.sync.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server on loopback that answers every request the way an attacker or a broken server would, on raw sockets
 * (a real HTTP server would not misbehave this precisely). It counts the bytes it managed to send and notices when
 * the client hangs up, so tests can show that Spotter stopped reading and let go of the connection.
 */
public final class HostileServer implements AutoCloseable {

    public enum Behaviour {
        /** Announces 10,000 bytes (within every cap), then sends one byte per second. */
        SLOW_BODY,
        /** A chunked body that never ends, as fast as the client reads. */
        ENDLESS_BODY,
        /** Announces 1 GiB and starts sending it. */
        HUGE_BODY,
        /** Reads the request and never answers, keeping the connection open. */
        NEVER_ANSWERS,
        /** Sends the headers, then nothing more. */
        STALLS_AFTER_HEADERS
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final AtomicLong bytesSent = new AtomicLong();
    private final CountDownLatch hungUp = new CountDownLatch(1);

    public HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    /** True once the client closed a connection this server was still answering on. */
    public boolean awaitClientHangUp(Duration timeout) throws InterruptedException {
        return hungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            String method = readRequest(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            String status = switch (method) {
                case "PROPFIND", "REPORT" -> "207 Multi-Status";
                case "PUT" -> "201 Created";
                default -> "200 OK";
            };
            switch (behaviour) {
                case SLOW_BODY -> {
                    send(out, "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: 10000\r\n\r\n");
                    for (int i = 0; i < 10_000; i++) {
                        out.write('<');
                        out.flush();
                        bytesSent.incrementAndGet();
                        Thread.sleep(1000);
                    }
                }
                case ENDLESS_BODY -> {
                    send(out, "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n");
                    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (true) {
                        out.write(chunk);
                        bytesSent.addAndGet(0x10000);
                    }
                }
                case HUGE_BODY -> {
                    send(out, "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: "
                            + (1L << 30) + "\r\n\r\n");
                    byte[] block = new byte[0x10000];
                    for (long sent = 0; sent < (1L << 30); sent += block.length) {
                        out.write(block);
                        bytesSent.addAndGet(block.length);
                    }
                }
                case NEVER_ANSWERS -> {
                    // Waits for the client to give up: read() returns -1 (or fails) once it closes the connection.
                    if (connection.getInputStream().read() < 0) {
                        throw new IOException("client closed");
                    }
                }
                case STALLS_AFTER_HEADERS -> {
                    send(out, "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: 500\r\n\r\n");
                    if (connection.getInputStream().read() < 0) {
                        throw new IOException("client closed");
                    }
                }
            }
        } catch (IOException clientHungUp) {
            hungUp.countDown();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed");
            }
            head.append((char) b);
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return text.substring(0, text.indexOf(' '));
    }

    private void send(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package app.spotter.sync.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sits in front of GreenMail and answers {@code RCPT TO} for addresses containing {@code marker} with a permanent
 * rejection, {@code 550 5.1.1} (RFC 5321 4.2.2, 4.2.3), as a real mail server does for a mailbox that does not
 * exist. GreenMail itself accepts every recipient. Everything else is passed through line by line.
 */
final class RefusingSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final String marker;

    RefusingSmtpProxy(int upstreamPort, String marker) {
        this.upstreamPort = upstreamPort;
        this.marker = marker.toLowerCase(Locale.ROOT);
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    // ISO-8859-1 maps every byte to one char, so message bodies pass through unchanged
    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            client.setSoTimeout(30_000);
            upstream.setSoTimeout(30_000);
            BufferedReader fromClient = reader(client);
            BufferedReader fromServer = reader(upstream);
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            relayReply(fromServer, toClient); // greeting
            boolean data = false;
            for (String line; (line = fromClient.readLine()) != null; ) {
                if (data) {
                    write(toServer, line);
                    if (line.equals(".")) {
                        data = false;
                        relayReply(fromServer, toClient);
                    }
                    continue;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:") && line.toLowerCase(Locale.ROOT).contains(marker)) {
                    write(toClient, "550 5.1.1 Recipient address rejected: no such mailbox");
                    continue;
                }
                write(toServer, line);
                String reply = relayReply(fromServer, toClient);
                if (command.startsWith("DATA") && reply.startsWith("354")) {
                    data = true;
                }
                if (command.startsWith("QUIT")) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client or GreenMail hung up; the next connection starts afresh
        }
    }

    private static String relayReply(BufferedReader from, OutputStream to) throws IOException {
        for (String line; (line = from.readLine()) != null; ) {
            write(to, line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
        throw new IOException("server hung up");
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

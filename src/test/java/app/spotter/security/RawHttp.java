package app.spotter.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request whose body is huge the way an attacker would: the server may answer (and close) long before the
 * body is sent, so the answer is read on another thread while the body is still being written, and a write that
 * fails because the server closed is expected, not an error.
 */
final class RawHttp {

    private RawHttp() {}

    /** The status line and headers of the answer, lower-cased header names kept as sent. */
    static String post(int port, String path, long bodyBytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readHead(in));
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n")
                    + "\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                block[0] = '[';
                for (long sent = 0; sent < bodyBytes && !answer.isDone(); sent += block.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    block[0] = ' ';
                }
                if (chunked && !answer.isDone()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // expected: the server stops reading once it has refused the body
            }
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    private static String readHead(InputStream in) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset after the head was read still leaves the head
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

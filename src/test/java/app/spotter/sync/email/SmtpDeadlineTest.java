package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server that greets one byte a second never trips JavaMail's read timeout (each byte restarts it); the
 * send still ends at Spotter's deadline as a transient failure, and the connection is dropped.
 */
class SmtpDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Test
    void aMailServerThatTricklesItsGreetingCostsAtMostTheDeadline() throws Exception {
        try (TricklingSmtp smtp = new TricklingSmtp()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            Properties properties = new Properties();
            // As in application.properties: each is restarted by every byte, so none of them ends this.
            properties.put("mail.smtp.connectiontimeout", "10000");
            properties.put("mail.smtp.timeout", "15000");
            properties.put("mail.smtp.writetimeout", "15000");
            sender.setJavaMailProperties(properties);
            MimeMessage message = sender.createMimeMessage();
            message.setFrom("spotter@example.com");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "client@example.com");
            message.setText("hello");

            long started = System.nanoTime();
            assertThatThrownBy(() -> SmtpDeadline.send(sender, message, DEADLINE))
                    .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                        assertThat(failure.getMessage()).contains("mail server").contains("Spotter will retry");
                    });

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plus(MARGIN));
            assertThat(smtp.hungUp.await(MARGIN.toMillis(), TimeUnit.MILLISECONDS))
                    .as("Spotter dropped the connection").isTrue();
        }
    }

    /** Sends "220-" and then one byte a second, never finishing the greeting line. */
    private static final class TricklingSmtp implements AutoCloseable {
        final CountDownLatch hungUp = new CountDownLatch(1);
        private final ServerSocket socket;

        TricklingSmtp() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try (Socket connection = socket.accept()) {
                    OutputStream out = connection.getOutputStream();
                    out.write("220-".getBytes(StandardCharsets.US_ASCII));
                    while (true) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException clientHungUp) {
                    hungUp.countDown();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

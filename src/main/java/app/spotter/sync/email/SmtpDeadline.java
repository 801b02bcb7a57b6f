package app.spotter.sync.email;

import app.spotter.sync.SyncFailure;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A total deadline for one SMTP send. JavaMail's connect, read and write timeouts (application.properties) each
 * restart with every reply line, so a server that answers each command just before the read timeout holds the
 * sync worker for minutes. The send runs on a virtual thread, whose blocking socket calls end when it is
 * interrupted (the socket is closed), so at the deadline the connection is dropped and the worker moves on.
 */
final class SmtpDeadline {

    private SmtpDeadline() {}

    static void send(JavaMailSender sender, MimeMessage message, Duration deadline) throws SyncFailure {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Thread sending = Thread.ofVirtual().name("smtp-send").start(() -> {
            try {
                sender.send(message);
                sent.complete(null);
            } catch (Throwable e) {
                sent.completeExceptionally(e);
            }
        });
        try {
            sent.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sending.interrupt();
            throw SyncFailure.transientFailure("The mail server did not finish taking the invitation within "
                    + deadline.toSeconds() + " seconds; Spotter will retry.", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            sending.interrupt();
            Thread.currentThread().interrupt();
            throw SyncFailure.transientFailure("Spotter was interrupted while sending an invitation.", null, e);
        }
    }
}

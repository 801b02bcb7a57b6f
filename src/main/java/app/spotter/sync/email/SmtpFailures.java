package app.spotter.sync.email;

import app.spotter.sync.SyncFailure;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Maps what the mail server said to the sync engine's failure kinds. SMTP reply codes (RFC 5321 4.2.1): 4yz is
 * a transient negative completion (try again later), 5yz a permanent one (the same message will be refused
 * again). No reply at all (connection refused, timeout) is transient too.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static SyncFailure classify(MailException e) {
        if (e instanceof MailAuthenticationException) {
            // Spotter's own mail login, not the trainer's: only the operator can fix it, and retrying loses nothing
            return SyncFailure.transientFailure("Spotter's mail server refused its login.", null, e);
        }
        for (Throwable cause : causes(e)) {
            int code = code(cause);
            if (code >= 500 && code < 600) {
                String address = cause instanceof SMTPAddressFailedException refused
                        ? " for " + refused.getAddress() : "";
                return SyncFailure.permanent("The mail server refused the invitation" + address + " (SMTP " + code
                        + "). Check the email address.", e);
            }
        }
        return SyncFailure.transientFailure("Could not reach the mail server to send an invitation.", null, e);
    }

    private static int code(Throwable t) {
        return switch (t) {
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            case SMTPSendFailedException f -> f.getReturnCode();
            default -> -1;
        };
    }

    /** Every exception involved: causes, JavaMail's chained "next" exceptions and Spring's per-message ones. */
    private static List<Throwable> causes(MailException e) {
        List<Throwable> roots = new ArrayList<>();
        roots.add(e);
        if (e instanceof MailSendException send) {
            roots.addAll(List.of(send.getMessageExceptions()));
        }
        List<Throwable> all = new ArrayList<>();
        for (Throwable root : roots) {
            for (Throwable t = root; t != null && !all.contains(t); ) {
                all.add(t);
                Throwable next = t instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException() : t.getCause();
                if (next == null && t instanceof MessagingException m2) {
                    next = m2.getCause();
                }
                t = next;
            }
        }
        return all;
    }
}

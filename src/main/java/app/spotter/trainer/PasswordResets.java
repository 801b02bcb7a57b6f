package app.spotter.trainer;

import app.spotter.support.crypto.Tokens;
import app.spotter.support.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use link valid for 30 minutes, emailed when SMTP is configured. Only the token's
 * SHA-256 is stored. Asking never tells whether an account exists (same answer either way), and one account gets
 * at most one link every {@link #SPACING}. Without SMTP there is nothing to send: the page says to ask the operator.
 */
@Service
class PasswordResets {

    static final Duration VALID = Duration.ofMinutes(30);
    static final Duration SPACING = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final TrainerRepository trainers;
    private final PasswordEncoder passwords;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String publicUrl;
    private final String from;

    PasswordResets(JdbcClient jdbc, TrainerRepository trainers,
            org.springframework.security.crypto.password.PasswordEncoder passwords,
            ObjectProvider<JavaMailSender> mail, Clock clock, @Value("${spotter.public-url}") String publicUrl,
            @Value("${spotter.mail-from}") String from) {
        this.jdbc = jdbc;
        this.trainers = trainers;
        this.passwords = new PasswordEncoder(passwords);
        this.mail = mail;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.from = from;
    }

    /** Whether links can be emailed at all (SMTP configured). */
    boolean canEmail() {
        return mail.getIfAvailable() != null;
    }

    /** Emails a reset link when the address belongs to an account and no link went out just now. */
    void request(String email) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || email == null || email.isBlank()) {
            return;
        }
        Optional<TrainerRepository.Credentials> account = trainers.credentials(email.strip());
        if (account.isEmpty()) {
            return;
        }
        UUID trainerId = account.get().id();
        String token = Tokens.newToken();
        int created = jdbc.sql("""
                INSERT INTO password_resets (token_hash, trainer_id, expires_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM password_resets
                                                   WHERE trainer_id = ? AND created_at > ?)""")
                .params(Tokens.hash(token), trainerId, java.sql.Timestamp.from(clock.instant().plus(VALID)),
                        trainerId, java.sql.Timestamp.from(clock.instant().minus(SPACING)))
                .update();
        if (created == 0) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.strip());
        message.setSubject("Reset your Spotter password");
        message.setText("""
                Someone (hopefully you) asked to reset the password of your Spotter account.

                Choose a new password here within 30 minutes; the link works once:
                %s/reset-password?token=%s

                If it was not you, ignore this email: your password stays as it is.
                """.formatted(publicUrl, token));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not send a password reset email: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** Whether the token is a live link (for showing the form). */
    boolean valid(String token) {
        return token != null && token.length() <= 100 && trainerFor(token).isPresent();
    }

    /**
     * Sets the new password when the link is live, and uses the link up: every token and session of the account
     * ends (a reset is what one does when the password may be known to someone else).
     */
    @Transactional
    void reset(String token, String newPassword) {
        UUID trainerId = trainerFor(token).orElseThrow(() -> ApiProblem.invalid("token",
                "This link has expired or was already used; ask for a new one."));
        Trainer trainer = trainers.find(trainerId).orElseThrow();
        PasswordRules.weakness(newPassword, trainer.name(), trainer.email())
                .ifPresent(reason -> { throw ApiProblem.invalid("password", reason); });
        int used = jdbc.sql("UPDATE password_resets SET used_at = NOW() WHERE token_hash = ? AND used_at IS NULL")
                .param(Tokens.hash(token)).update();
        if (used != 1) {
            throw ApiProblem.invalid("token", "This link has expired or was already used; ask for a new one.");
        }
        trainers.changePassword(trainerId, passwords.encode(newPassword));
        trainers.revokeTokensExcept(trainerId, null);
    }

    private Optional<UUID> trainerFor(String token) {
        return jdbc.sql("""
                SELECT r.trainer_id FROM password_resets r JOIN trainers t ON t.id = r.trainer_id
                WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND t.deleting_since IS NULL""")
                .params(Tokens.hash(token), java.sql.Timestamp.from(clock.instant()))
                .query(UUID.class).optional();
    }

    /** The bounded encoder, answering 503 when saturated. */
    private record PasswordEncoder(org.springframework.security.crypto.password.PasswordEncoder delegate) {
        String encode(String password) {
            try {
                return delegate.encode(password);
            } catch (BoundedPasswordEncoder.Busy e) {
                throw ApiProblem.busy("Too many passwords are being checked right now; try again in a moment.",
                        Duration.ofSeconds(1));
            }
        }
    }
}

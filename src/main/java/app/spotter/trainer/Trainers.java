package app.spotter.trainer;

import app.spotter.support.crypto.Tokens;
import app.spotter.support.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trainer module's entry: sign-up, credentials, API tokens. */
@Service
public class Trainers {

    /** An API token as the trainer may see it (never the secret). */
    public record TokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

    /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
    private final String dummyHash;

    private final TrainerRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;

    Trainers(TrainerRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events,
            LoginThrottle throttle) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("not-a-real-password-" + UUID.randomUUID());
    }

    @Transactional
    public Trainer register(String name, String email, String password, ZoneId timezone) {
        if (repository.emailTaken(email)) {
            throw ApiProblem.conflict("A trainer with this email already exists.");
        }
        Trainer trainer = repository.insert(name, email, encode(password), timezone);
        events.publishEvent(new TrainerRegistered(trainer.id(), timezone));
        return trainer;
    }

    /**
     * The trainer's id when the password matches. Throttled per account and per client address: while either
     * must wait, the password is not even checked and the answer is 429 with Retry-After.
     *
     * @param address the client's address as the server sees it (after trusted proxies)
     */
    public Optional<UUID> authenticate(String email, String password, String address) {
        throttle.waitFor(email, address).ifPresent(wait -> {
            throw ApiProblem.tooManyRequests("Too many failed logins for this account or from this address; "
                    + "try again in " + LoginThrottle.seconds(wait) + " s.", wait);
        });
        Optional<TrainerRepository.Credentials> credentials;
        boolean matches;
        try (var admitted = BoundedPasswordEncoder.admit(passwords)) {
            credentials = repository.credentials(email);
            String hash = credentials.map(TrainerRepository.Credentials::passwordHash).orElse(dummyHash);
            matches = passwords.matches(password, hash);
        } catch (BoundedPasswordEncoder.Busy e) {
            throttle.saturated(address);
            throw busy();
        }
        if (credentials.isPresent() && matches) {
            throttle.succeeded(email);
            return credentials.map(TrainerRepository.Credentials::id);
        }
        throttle.failed(email, address);
        return Optional.empty();
    }

    /** Issues a new API token; only its hash is kept, so this is the one time it can be read. */
    @Transactional
    public String issueToken(UUID trainerId) {
        return issueToken(trainerId, null);
    }

    /** Issues a new API token with a label the trainer chose (e.g. the integration using it). */
    @Transactional
    public String issueToken(UUID trainerId, String name) {
        String token = Tokens.newToken();
        repository.storeToken(trainerId, Tokens.hash(token), name);
        return token;
    }

    /** The trainer's live tokens, newest first (unused for 90 days: expired, not listed). */
    public List<TokenInfo> tokens(UUID trainerId) {
        return repository.tokens(trainerId).stream()
                .map(t -> new TokenInfo(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.expiresAt())).toList();
    }

    @Transactional
    public void revokeToken(UUID trainerId, UUID tokenId) {
        if (!repository.revokeToken(trainerId, tokenId)) {
            throw ApiProblem.notFound("The token");
        }
    }

    /**
     * Changes the password after checking the current one (throttled like a login). Every other API token is
     * revoked and every browser session ends, except the request's own token or session.
     */
    @Transactional
    public void changePassword(UUID trainerId, String current, String next, String address) {
        Trainer trainer = get(trainerId);
        var credentials = repository.credentials(trainerId).orElseThrow(() -> ApiProblem.notFound("The trainer"));
        throttle.waitFor(trainer.email(), address).ifPresent(wait -> {
            throw ApiProblem.tooManyRequests("Too many wrong passwords; try again in "
                    + LoginThrottle.seconds(wait) + " s.", wait);
        });
        if (!matches(current, credentials.passwordHash())) {
            throttle.failed(trainer.email(), address);
            throw ApiProblem.invalid("current_password", "is not your current password");
        }
        throttle.succeeded(trainer.email());
        PasswordRules.weakness(next, trainer.name(), trainer.email())
                .ifPresent(reason -> { throw ApiProblem.invalid("new_password", reason); });
        int version = repository.changePassword(trainerId, encode(next));
        repository.revokeTokensExcept(trainerId, CurrentTrainer.tokenHash(trainerId).orElse(null));
        CurrentTrainer.keepSession(trainerId, version);
    }

    /**
     * The first step of account deletion, confirmed with the password (throttled like a login): from now on no
     * token, session or login works. The caller then has every booking deleted so the calendars drop them, and
     * the account's rows go once they have ({@link #deleting()}).
     */
    @Transactional
    public void beginDeletion(UUID trainerId, String password, String address) {
        Trainer trainer = get(trainerId);
        var credentials = repository.credentials(trainerId).orElseThrow(() -> ApiProblem.notFound("The trainer"));
        throttle.waitFor(trainer.email(), address).ifPresent(wait -> {
            throw ApiProblem.tooManyRequests("Too many wrong passwords; try again in "
                    + LoginThrottle.seconds(wait) + " s.", wait);
        });
        if (!matches(password, credentials.passwordHash())) {
            throttle.failed(trainer.email(), address);
            throw ApiProblem.invalid("password", "is not your password");
        }
        repository.markDeleting(trainerId);
    }

    /** Accounts being deleted, with when that was asked for (at most 100 at a time, oldest first). */
    public List<java.util.Map.Entry<UUID, Instant>> deleting() {
        return repository.deleting();
    }

    /** Whether a browser session signed in under {@code version} still stands (no password change since). */
    boolean sessionStands(UUID trainerId, int version) {
        return repository.credentialsVersion(trainerId).map(v -> v == version).orElse(false);
    }

    Optional<SignedInTrainer> trainerForToken(String token) {
        return repository.trainerForToken(Tokens.hash(token));
    }

    public Trainer get(UUID id) {
        return repository.find(id).orElseThrow(() -> ApiProblem.notFound("The trainer"));
    }

    /** The zone the API answers in: from this request's authentication when it carries it, else read. */
    public ZoneId zone(UUID id) {
        return CurrentTrainer.zone(id).orElseGet(() -> get(id).timezone());
    }

    /** The zone the API answers in; kept equal to the calendar display zone by the preferences module. */
    @Transactional
    public void changeTimezone(UUID id, ZoneId zone) {
        repository.changeTimezone(id, zone);
    }

    private String encode(String password) {
        try {
            return passwords.encode(password);
        } catch (BoundedPasswordEncoder.Busy e) {
            throw busy();
        }
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (BoundedPasswordEncoder.Busy e) {
            throw busy();
        }
    }

    private static ApiProblem busy() {
        return ApiProblem.busy("Too many passwords are being checked right now; try again in a moment.",
                Duration.ofSeconds(1));
    }
}

package app.spotter.trainer;

import app.spotter.support.crypto.Tokens;
import app.spotter.support.web.ApiProblem;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trainer module's entry: sign-up, credentials, API tokens. */
@Service
public class Trainers {

    /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
    private final String dummyHash;

    private final TrainerRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    Trainers(TrainerRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.dummyHash = passwords.encode("not-a-real-password-" + UUID.randomUUID());
    }

    @Transactional
    public Trainer register(String name, String email, String password, ZoneId timezone) {
        if (repository.emailTaken(email)) {
            throw ApiProblem.conflict("A trainer with this email already exists.");
        }
        Trainer trainer = repository.insert(name, email, passwords.encode(password), timezone);
        events.publishEvent(new TrainerRegistered(trainer.id(), timezone));
        return trainer;
    }

    /** The trainer's id when the password matches. */
    public Optional<UUID> authenticate(String email, String password) {
        var credentials = repository.credentials(email);
        String hash = credentials.map(TrainerRepository.Credentials::passwordHash).orElse(dummyHash);
        boolean matches = passwords.matches(password, hash);
        return credentials.filter(c -> matches).map(TrainerRepository.Credentials::id);
    }

    /** Issues a new API token; only its hash is kept, so this is the one time it can be read. */
    @Transactional
    public String issueToken(UUID trainerId) {
        String token = Tokens.newToken();
        repository.storeToken(trainerId, Tokens.hash(token));
        return token;
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
}

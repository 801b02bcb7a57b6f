package app.spotter.trainer;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks a trainer up by email for the browser's form login. Its presence also retires Spring Boot's generated
 * in-memory user. The password hash only travels to the password check, never into the session.
 */
@Component
class TrainerLogins implements UserDetailsService {

    static final String ROLE = "ROLE_TRAINER";

    /** A trainer's login record while the password is checked; replaced by {@link SignedInTrainer} right after. */
    static final class TrainerAccount extends User {
        private final UUID id;
        private final int version;

        TrainerAccount(UUID id, String email, String passwordHash, int version) {
            super(email, passwordHash, List.of(new SimpleGrantedAuthority(ROLE)));
            this.id = id;
            this.version = version;
        }

        UUID id() {
            return id;
        }

        int version() {
            return version;
        }
    }

    private final TrainerRepository repository;

    TrainerLogins(TrainerRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return repository.credentials(email)
                .map(c -> new TrainerAccount(c.id(), email, c.passwordHash(), c.version()))
                .orElseThrow(() -> new UsernameNotFoundException("no such trainer"));
    }
}

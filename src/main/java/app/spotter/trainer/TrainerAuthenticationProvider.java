package app.spotter.trainer;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Form login over {@link TrainerLogins} (with Spring's timing protection for unknown emails), whose successful
 * authentication carries a {@link SignedInTrainer} principal, exactly like an API token's, so
 * {@link CurrentTrainer#id()} works the same for both. The session then holds the id and nothing secret.
 */
class TrainerAuthenticationProvider extends DaoAuthenticationProvider {

    private final PasswordEncoder passwords;

    TrainerAuthenticationProvider(TrainerLogins logins, PasswordEncoder passwords) {
        super(logins);
        setPasswordEncoder(passwords);
        this.passwords = passwords;
    }

    /** The password-check permit is taken before the account is looked up, as for API logins (see Trainers). */
    @Override
    public Authentication authenticate(Authentication authentication) {
        try (var admitted = BoundedPasswordEncoder.admit(passwords)) {
            return super.authenticate(authentication);
        }
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
            UserDetails user) {
        Authentication success = super.createSuccessAuthentication(principal, authentication, user);
        var account = (TrainerLogins.TrainerAccount) user;
        var trainer = new SignedInTrainer(account.id(), account.version());
        var result = UsernamePasswordAuthenticationToken.authenticated(trainer, null, success.getAuthorities());
        result.setDetails(success.getDetails());
        return result;
    }
}

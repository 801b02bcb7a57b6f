package app.spotter.trainer;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The trainer making the current request, from either an API token or a browser session. Every query a feature
 * runs is scoped by this id.
 */
public final class CurrentTrainer {

    private CurrentTrainer() {}

    public static UUID id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInTrainer trainer) {
            return trainer.id();
        }
        throw new AuthenticationCredentialsNotFoundException("no trainer is signed in");
    }

    /** The hash of the API token this request came with, when it came with one of this trainer's. */
    static Optional<byte[]> tokenHash(UUID trainerId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInTrainer trainer && trainer.id().equals(trainerId)) {
            return Optional.ofNullable(trainer.tokenHash());
        }
        return Optional.empty();
    }

    /**
     * After a password change made from a browser session: that session carries the new credentials version, so
     * it stays signed in while every other session ends. (An API request has no session; nothing to do.)
     */
    static void keepSession(UUID trainerId, int version) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInTrainer trainer && trainer.id().equals(trainerId)
                && trainer.tokenHash() == null) {
            var updated = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(new SignedInTrainer(trainerId, version), null, auth.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(updated);
        }
    }

    /** The zone read while authenticating this request, if it was for this trainer and carried one. */
    static Optional<ZoneId> zone(UUID trainerId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInTrainer trainer && trainer.id().equals(trainerId)) {
            return Optional.ofNullable(trainer.zone());
        }
        return Optional.empty();
    }
}

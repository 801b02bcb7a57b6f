package app.spotter.trainer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session signed in before the trainer's last password change or reset (or whose account is being
 * deleted): sessions live in the servlet container, so instead of finding them all, each request compares the
 * version its session was signed in under with the trainer's current one (one indexed read).
 */
final class SessionVersionCheck extends OncePerRequestFilter {

    private final Trainers trainers;

    SessionVersionCheck(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInTrainer trainer && trainer.tokenHash() == null
                && !trainers.sessionStands(trainer.id(), trainer.credentialsVersion())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}

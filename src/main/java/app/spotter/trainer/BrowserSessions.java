package app.spotter.trainer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a just-registered trainer into the browser, in a new session (the old one, if any, is dropped). */
@Component
public class BrowserSessions {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final TrainerRepository repository;

    BrowserSessions(TrainerRepository repository) {
        this.repository = repository;
    }

    public void signIn(UUID trainerId, HttpServletRequest request, HttpServletResponse response) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedInTrainer(trainerId,
                repository.credentialsVersion(trainerId).orElse(0)),
                null, List.of(new SimpleGrantedAuthority(TrainerLogins.ROLE))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

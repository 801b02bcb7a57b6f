package app.spotter.trainer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>}; a missing or unknown token leaves the request anonymous. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Trainers trainers;

    BearerTokenFilter(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            if (!token.isEmpty() && token.length() <= 100) {
                trainers.trainerForToken(token).ifPresent(trainer -> SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(trainer, null,
                                List.of(new SimpleGrantedAuthority("ROLE_TRAINER")))));
            }
        }
        chain.doFilter(request, response);
    }
}

package app.spotter.trainer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The web login form under the same {@link LoginThrottle} as API token creation: a throttled POST /login is
 * answered 429 with Retry-After before the password is checked; failures and successes are recorded by the form's
 * handlers. A saturated password checker answers 503 instead of a misleading "wrong password".
 */
final class LoginFormThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginFormThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = throttle.waitFor(request.getParameter("email"), request.getRemoteAddr());
        if (wait.isPresent()) {
            page(response, 429, LoginThrottle.seconds(wait.get()),
                    "Too many failed logins for this account or from this address. Try again in "
                            + LoginThrottle.seconds(wait.get()) + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    AuthenticationFailureHandler failureHandler() {
        var wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof BoundedPasswordEncoder.Busy) {
                throttle.saturated(request.getRemoteAddr());
                page(response, 503, 1, "Too many logins are being checked right now. Try again in a moment.");
                return;
            }
            throttle.failed(request.getParameter("email"), request.getRemoteAddr());
            wrongPassword.onAuthenticationFailure(request, response, exception);
        };
    }

    AuthenticationSuccessHandler successHandler() {
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/app/calendar");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            throttle.succeeded(request.getParameter("email"));
            success.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static void page(HttpServletResponse response, int status, long retryAfter, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Log in · Spotter</title>
                <link rel="stylesheet" href="/css/app.css"></head><body><main id="main" class="narrow"><h1>Log in</h1>
                <p class="error-summary" role="alert">%s</p><p><a href="/login">Back to the login page</a></p>
                </main></body></html>""".formatted(HtmlUtils.htmlEscape(message)));
    }

}

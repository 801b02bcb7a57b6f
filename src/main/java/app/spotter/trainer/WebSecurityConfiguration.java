package app.spotter.trainer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Everything that is not the JSON API: the public feed, health, static assets, and the browser app. The browser
 * app signs in with a form into a session: a new session on login (fixation), CSRF tokens on every form and htmx
 * request, the cookie's flags from {@code server.servlet.session.cookie.*}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, TrainerLogins logins, PasswordEncoder passwords,
            LoginThrottle throttle, Trainers trainers) throws Exception {
        LoginFormThrottle loginThrottle = new LoginFormThrottle(throttle);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/feeds/**", "/oauth/*/callback", "/actuator/health",
                                "/actuator/health/**", "/webjars/**", "/css/**", "/js/**", "/error", "/login",
                                "/signup", "/forgot-password", "/reset-password", "/manifest.webmanifest", "/sw.js",
                                "/offline.html", "/icons/**").permitAll()
                        .anyRequest().hasRole("TRAINER"))
                .authenticationManager(new ProviderManager(new TrainerAuthenticationProvider(logins, passwords)))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .successHandler(loginThrottle.successHandler())
                        .failureHandler(loginThrottle.failureHandler()).permitAll())
                .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionVersionCheck(trainers), SecurityContextHolderFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}

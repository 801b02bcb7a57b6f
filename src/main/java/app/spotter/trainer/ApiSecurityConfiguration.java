package app.spotter.trainer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The JSON API is stateless: every request carries a bearer token, so there is no session and no CSRF surface.
 * Sign-up and token issue are the only anonymous API calls.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MEMORY_KIB = 7 * 1024;
    private static final int ITERATIONS = 5;

    private static final String UNAUTHORIZED = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"Send a valid API token: Authorization: Bearer <token>."}""";

    /**
     * Argon2id (RFC 9106) at OWASP's low-memory setting of equal strength (Password Storage Cheat Sheet: m = 7 MiB,
     * t = 5, p = 1, instead of Spring's 16 MiB, t = 2), one hash at a time: on two cores that leaves a core for every
     * other request under a login flood, and a hash in progress keeps 7 MiB, not 16, alive in a 128 MB heap when a
     * collection comes (measured in docs/BENCHMARKS.md, "Login flood"). Hashes made with the earlier parameters
     * still verify: each hash carries its own parameters.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${spotter.password-hashing.permits:1}") int permits,
            @Value("${spotter.password-hashing.wait-ms:100}") long waitMillis) {
        return new BoundedPasswordEncoder(new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, 1, MEMORY_KIB, ITERATIONS),
                permits, waitMillis);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Trainers trainers) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(trainers), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/trainers", "/api/v1/auth/tokens").permitAll()
                        // the OpenAPI document and its browsable page describe the API; they hold no data
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**").permitAll()
                        .anyRequest().hasRole("TRAINER"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setStatus(401);
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write(UNAUTHORIZED);
                }));
        return http.build();
    }
}

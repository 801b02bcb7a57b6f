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

    private static final String UNAUTHORIZED = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"Send a valid API token: Authorization: Bearer <token>."}""";

    /**
     * Argon2id (RFC 9106), Spring Security's current recommended parameters, one hash at a time: on two cores that
     * leaves a core for every other request under a login flood (measured in docs/BENCHMARKS.md, "Login flood").
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${spotter.password-hashing.permits:1}") int permits,
            @Value("${spotter.password-hashing.wait-ms:2000}") long waitMillis) {
        return new BoundedPasswordEncoder(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), permits, waitMillis);
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

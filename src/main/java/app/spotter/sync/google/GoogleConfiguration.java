package app.spotter.sync.google;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Google is optional: without a client id and secret there is no Google adapter, and the API and UI say that
 * Google is not configured. Endpoints are configurable so tests run the official client against a local fake.
 */
@Configuration(proxyBeanMethods = false)
class GoogleConfiguration {

    @Bean
    GoogleEndpoints googleEndpoints(@Value("${spotter.google.client-id:}") String clientId,
            @Value("${spotter.google.client-secret:}") String clientSecret,
            @Value("${spotter.google.api-root:}") String apiRoot,
            @Value("${spotter.google.oauth-base:}") String oauthBase) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        if (!clientId.isBlank()) {
            env.put("SPOTTER_GOOGLE_CLIENT_ID", clientId);
        }
        if (!clientSecret.isBlank()) {
            env.put("SPOTTER_GOOGLE_CLIENT_SECRET", clientSecret);
        }
        if (!apiRoot.isBlank()) {
            env.put("SPOTTER_GOOGLE_API_ROOT", apiRoot);
        }
        if (!oauthBase.isBlank()) {
            env.put("SPOTTER_GOOGLE_OAUTH_BASE", oauthBase);
        }
        return GoogleEndpoints.fromEnvironment(env);
    }

    /**
     * Every request to Google (Calendar API and OAuth) ends within the deadline, body included, and reads at most
     * the cap (docs/operations.md "Limits on remote calls").
     */
    @Bean
    BoundedHttpTransport googleHttpTransport(@Value("${spotter.google.deadline:30s}") java.time.Duration deadline,
            @Value("${spotter.google.max-listing-size:8MB}") org.springframework.util.unit.DataSize maxListing,
            @Value("${spotter.google.max-object-size:1MB}") org.springframework.util.unit.DataSize maxObject) {
        return new BoundedHttpTransport(java.time.Duration.ofSeconds(10), deadline, maxListing.toBytes(),
                maxObject.toBytes());
    }

    @Bean
    GoogleOAuth googleOAuth(GoogleEndpoints endpoints, BoundedHttpTransport transport) {
        return new GoogleOAuth(endpoints, transport, java.time.InstantSource.system());
    }

    @Bean
    GoogleCalendarProvider googleCalendarProvider(GoogleEndpoints endpoints, GoogleOAuth oauth,
            BoundedHttpTransport transport, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new GoogleCalendarProvider(endpoints, oauth, transport, TrainerRateLimiter.shared(jdbc),
                java.time.InstantSource.system());
    }
}

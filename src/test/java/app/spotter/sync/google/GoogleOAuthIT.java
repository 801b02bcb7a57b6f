package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncFailure.Kind;
import app.spotter.sync.google.fake.FakeGoogle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoogleOAuthIT {

    private static final String CALLBACK = "http://localhost:8080/connections/google/callback";

    private final TokenBucketTest.FakeClock clock = new TokenBucketTest.FakeClock();
    private final GoogleFixture f;

    GoogleOAuthIT() throws Exception {
        f = new GoogleFixture(clock);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theConsentUrlAsksForOfflineAccessWithPkceStateAndOnlyTheEventsScope() throws Exception {
        AuthorizationRequest request = f.oauth.authorizationRequest(CALLBACK);

        consent(request);

        Map<String, String> q = f.google.lastAuthorizationQuery();
        assertThat(q).containsEntry("response_type", "code")
                .containsEntry("client_id", FakeGoogle.CLIENT_ID)
                .containsEntry("redirect_uri", CALLBACK)
                .containsEntry("scope", "https://www.googleapis.com/auth/calendar.events")
                .containsEntry("state", request.state())
                .containsEntry("code_challenge", Pkce.s256(request.codeVerifier()))
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent");
        assertThat(request.state()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(request.codeVerifier()).hasSizeBetween(43, 128);
    }

    @Test
    void theCodeFromTheCallbackBecomesARefreshTokenThatSyncs() throws Exception {
        AuthorizationRequest request = f.oauth.authorizationRequest(CALLBACK);
        Map<String, String> callback = consent(request);
        assertThat(callback.get("state")).isEqualTo(request.state());
        UUID trainer = UUID.randomUUID();

        GoogleGrant grant = f.oauth.exchange(trainer, callback.get("code"), request.codeVerifier(), CALLBACK);

        Connection connection = new Connection(trainer, Provider.GOOGLE, Map.of(), grant.refreshToken());
        var booking = f.booking();
        f.provider.upsert(connection, booking, null);
        assertThat(f.stored(booking).get("status").getAsString()).isEqualTo("confirmed");
        assertThat(grant.toString()).doesNotContain(grant.refreshToken());
    }

    @Test
    void aCodeRedeemedWithTheWrongVerifierIsRefused() throws Exception {
        AuthorizationRequest request = f.oauth.authorizationRequest(CALLBACK);
        Map<String, String> callback = consent(request);

        assertThatThrownBy(() -> f.oauth.exchange(UUID.randomUUID(), callback.get("code"), Pkce.randomToken(), CALLBACK))
                .isInstanceOfSatisfying(SyncFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH));
    }

    @Test
    void aRevokedRefreshTokenIsAnAuthFailureAskingTheTrainerToReconnect() {
        f.google.revokeAccess();

        assertThatThrownBy(() -> f.oauth.accessToken(f.connection))
                .isInstanceOfSatisfying(SyncFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH);
                    assertThat(e.getMessage()).isEqualTo("Google access was revoked or has expired; reconnect Google");
                });
    }

    @Test
    void anAccessTokenIsReusedUntilShortlyBeforeItExpires() throws SyncFailure {
        String first = f.oauth.accessToken(f.connection);
        clock.advance(Duration.ofSeconds(3599).minus(AccessTokens.MARGIN).minusSeconds(1));
        assertThat(f.oauth.accessToken(f.connection)).isEqualTo(first);
        assertThat(f.google.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));

        assertThat(f.oauth.accessToken(f.connection)).isNotEqualTo(first);
        assertThat(f.google.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aReconnectWithANewRefreshTokenDoesNotReuseTheOldGrantsAccessToken() throws SyncFailure {
        String first = f.oauth.accessToken(f.connection);
        Connection reconnected = new Connection(f.trainerId, Provider.GOOGLE, Map.of(), f.google.grantRefreshToken());

        assertThat(f.oauth.accessToken(reconnected)).isNotEqualTo(first);
    }

    /** Plays the trainer's browser: open the consent URL, read where Google sends it back. */
    private static Map<String, String> consent(AuthorizationRequest request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(request.url())).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(302);
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(CALLBACK + "?");
            Map<String, String> params = new java.util.HashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            return params;
        }
    }
}

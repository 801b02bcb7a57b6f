package app.spotter.sync.google;

import app.spotter.support.crypto.SecretBox;
import app.spotter.support.crypto.Tokens;
import app.spotter.sync.Connection;
import app.spotter.sync.OAuthConnector;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Google OAuth round trip (authorization code with PKCE and state): start() remembers the state and verifier
 * server-side, complete() checks them once (a state is single-use and lives 10 minutes) and returns the
 * connection to store, its secret being the refresh token.
 */
@Component
class GoogleConnector implements OAuthConnector {

    public record Started(String authorizationUrl) {}

    private final GoogleOAuth oauth;
    private final GoogleEndpoints endpoints;
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final String redirectUri;

    GoogleConnector(GoogleOAuth oauth, GoogleEndpoints endpoints, JdbcClient jdbc, SecretBox box,
            @Value("${spotter.public-url}") String publicUrl) {
        this.oauth = oauth;
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.box = box;
        this.redirectUri = publicUrl.replaceAll("/+$", "") + "/oauth/google/callback";
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public String displayName() {
        return "Google Calendar";
    }

    @Override
    public String authorizationUrl(UUID trainerId) {
        return start(trainerId).authorizationUrl();
    }

    @Override
    public boolean configured() {
        return endpoints.clientId() != null && !endpoints.clientId().isBlank()
                && endpoints.clientSecret() != null && !endpoints.clientSecret().isBlank();
    }

    @Transactional
    public Started start(UUID trainerId) {
        AuthorizationRequest request = oauth.authorizationRequest(redirectUri);
        jdbc.sql("DELETE FROM oauth_states WHERE created_at < NOW() - INTERVAL '10 minutes'").update();
        jdbc.sql("INSERT INTO oauth_states (state_hash, trainer_id, code_verifier) VALUES (?, ?, ?)")
                .params(Tokens.hash(request.state()), trainerId, box.seal(request.codeVerifier(), aad(trainerId)))
                .update();
        return new Started(request.url());
    }

    /**
     * Empty when the state is unknown, used or expired: the callback was not one we started. Not transactional on
     * purpose: claiming the state is one statement, and the code exchange that follows is a request to Google,
     * which must not hold a database connection (the caller stores the connection in a transaction of its own).
     */
    @Override
    public Optional<Connection> complete(String state, String code) throws SyncFailure {
        var pending = jdbc.sql("""
                DELETE FROM oauth_states WHERE state_hash = ? AND created_at > NOW() - INTERVAL '10 minutes'
                RETURNING trainer_id, code_verifier""")
                .param(Tokens.hash(state))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2))).optional();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        UUID trainerId = pending.get().getKey();
        String verifier = box.open(pending.get().getValue(), aad(trainerId));
        GoogleGrant grant = oauth.exchange(trainerId, code, verifier, redirectUri);
        return Optional.of(new Connection(trainerId, Provider.GOOGLE,
                Map.of(GoogleCalendarProvider.CALENDAR_ID, "primary"), grant.refreshToken()));
    }

    private static String aad(UUID trainerId) {
        return "oauth_states:" + trainerId;
    }
}

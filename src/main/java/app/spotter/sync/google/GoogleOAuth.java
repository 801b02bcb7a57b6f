package app.spotter.sync.google;

import app.spotter.sync.Connection;
import app.spotter.sync.SyncFailure;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Google OAuth 2.0 for a web server app (https://developers.google.com/identity/protocols/oauth2/web-server):
 * authorization code with PKCE S256 and state, offline access for a refresh token, and refreshing access tokens.
 */
public final class GoogleOAuth {

    /**
     * The narrowest scope that can write events on the trainer's calendars ("View and edit events on all your
     * calendars"); the broader {@code calendar} scope would also let Spotter share and delete whole calendars.
     */
    public static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";

    static final String RECONNECT = "Google access was revoked or has expired; reconnect Google";

    private final GoogleEndpoints endpoints;
    private final HttpTransport transport;
    private final JsonFactory json = GsonFactory.getDefaultInstance();
    private final AccessTokens cache;
    private final GoogleErrors errors;

    public GoogleOAuth(GoogleEndpoints endpoints) {
        this(endpoints, BoundedHttpTransport.withDefaults(), InstantSource.system());
    }

    GoogleOAuth(GoogleEndpoints endpoints, HttpTransport transport, InstantSource clock) {
        this.endpoints = endpoints;
        this.transport = transport;
        this.cache = new AccessTokens(clock);
        this.errors = new GoogleErrors(clock);
    }

    /** The consent URL; keep the returned state and verifier for {@link #exchange}. */
    public AuthorizationRequest authorizationRequest(String redirectUri) {
        String state = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        AuthorizationCodeRequestUrl url = new AuthorizationCodeRequestUrl(endpoints.authorizationUrl(), endpoints.clientId())
                .setRedirectUri(redirectUri)
                .setScopes(List.of(SCOPE))
                .setState(state);
        url.setCodeChallenge(Pkce.s256(verifier));
        url.setCodeChallengeMethod("S256");
        // offline: Google returns a refresh token, so sync works without the trainer present.
        // consent: Google returns a refresh token again on a reconnect, not only on the very first grant.
        url.set("access_type", "offline").set("prompt", "consent");
        return new AuthorizationRequest(url.build(), state, verifier);
    }

    /** Redeems the code from the callback (after the caller has checked {@code state}). */
    public GoogleGrant exchange(UUID trainerId, String code, String codeVerifier, String redirectUri)
            throws SyncFailure {
        TokenResponse response;
        try {
            response = new AuthorizationCodeTokenRequest(transport, json, new GenericUrl(endpoints.tokenUrl()), code)
                    .setRedirectUri(redirectUri)
                    .setClientAuthentication(clientAuthentication())
                    .set("code_verifier", codeVerifier)
                    .execute();
        } catch (IOException e) {
            throw failure(e, "Google sign-in expired or was already used; connect Google again");
        }
        if (response.getRefreshToken() == null) {
            throw SyncFailure.auth("Google did not grant offline access; connect Google again");
        }
        // Google's consent screen lets a user untick individual scopes (granular consent).
        if (response.getScope() != null && !List.of(response.getScope().split(" ")).contains(SCOPE)) {
            throw SyncFailure.auth("Spotter needs permission to edit your Google Calendar events; connect Google "
                    + "again and allow it");
        }
        cache.put(trainerId, response.getRefreshToken(), response.getAccessToken(), response.getExpiresInSeconds());
        return new GoogleGrant(response.getRefreshToken());
    }

    /**
     * A valid access token for the connection, from the cache or freshly refreshed. Single-flight per trainer:
     * workers that miss the cache together wait for one refresh and share its token (8 workers made 8 refreshes).
     */
    String accessToken(Connection connection) throws SyncFailure {
        String cached = cache.find(connection.trainerId(), connection.secret());
        if (cached != null) {
            return cached;
        }
        synchronized (refreshing.computeIfAbsent(connection.trainerId(), id -> new Object())) {
            cached = cache.find(connection.trainerId(), connection.secret());
            return cached != null ? cached : refresh(connection);
        }
    }

    /** One lock per trainer with Google (a few bytes each); a refresh is bounded by the transport's deadline. */
    private final java.util.Map<UUID, Object> refreshing = new java.util.concurrent.ConcurrentHashMap<>();

    private String refresh(Connection connection) throws SyncFailure {
        TokenResponse response;
        try {
            response = new RefreshTokenRequest(transport, json, new GenericUrl(endpoints.tokenUrl()), connection.secret())
                    .setClientAuthentication(clientAuthentication())
                    .execute();
        } catch (IOException e) {
            throw failure(e, RECONNECT);
        }
        cache.put(connection.trainerId(), connection.secret(), response.getAccessToken(),
                response.getExpiresInSeconds());
        return response.getAccessToken();
    }

    /** Drops the cached access token, e.g. after Google answered 401 to it. */
    void forget(UUID trainerId) {
        cache.forget(trainerId);
    }

    private ClientParametersAuthentication clientAuthentication() {
        return new ClientParametersAuthentication(endpoints.clientId(), endpoints.clientSecret());
    }

    private SyncFailure failure(IOException e, String invalidGrantMessage) {
        if (e instanceof TokenResponseException t && t.getDetails() != null) {
            String error = t.getDetails().getError();
            if ("invalid_grant".equals(error)) {
                // RFC 6749 5.2: the grant is gone (revoked, expired, password changed, app in "Testing" for
                // more than 7 days). Only the trainer can fix it, so stop and ask.
                return SyncFailure.auth(invalidGrantMessage);
            }
            if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                // Spotter's own client id or secret is wrong: an operator problem no retry or reconnect can fix.
                return SyncFailure.permanent("Spotter's Google connection is misconfigured; contact support", e);
            }
        }
        return errors.classify(e);
    }
}

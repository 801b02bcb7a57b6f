package app.spotter.sync.google.fake;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google's OAuth endpoints as far as Spotter uses them: {@code /auth} consents at once and redirects back with a
 * code; {@code /token} redeems a code (checking the PKCE verifier) or a refresh token, and answers
 * {@code invalid_grant} for anything used, unknown or revoked (RFC 6749 5.2, RFC 7636 4.6).
 */
final class FakeOAuthServer {

    static final String CLIENT_ID = "spotter-test.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "test-secret";
    static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";

    private record PendingCode(String redirectUri, String challenge) {}

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    volatile Map<String, String> lastAuthorizationQuery = Map.of();

    /** GET /auth: the trainer "clicks Allow". */
    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = Exchanges.params(exchange.getRequestURI().getRawQuery());
        lastAuthorizationQuery = Map.copyOf(q);
        if (!CLIENT_ID.equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))) {
            Exchanges.oauthError(exchange, 400, "invalid_request", "client_id and an S256 code_challenge are required");
            return;
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new PendingCode(q.get("redirect_uri"), q.get("code_challenge")));
        String location = q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** POST /token. */
    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = Exchanges.params(Exchanges.body(exchange));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            Exchanges.oauthError(exchange, 401, "invalid_client", "Unauthorized");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> redeemCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> Exchanges.oauthError(exchange, 400, "unsupported_grant_type", "Invalid grant_type");
        }
    }

    private void redeemCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        PendingCode pending = codes.remove(form.getOrDefault("code", "")); // single use
        if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Malformed auth code.");
            return;
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(pending.challenge())) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Invalid code verifier.");
            return;
        }
        String refreshToken = issueRefreshToken();
        JsonObject body = accessTokenBody();
        body.addProperty("refresh_token", refreshToken);
        Exchanges.json(exchange, 200, body);
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Token has been expired or revoked.");
            return;
        }
        Exchanges.json(exchange, 200, accessTokenBody());
    }

    /** An access token of the same account, as another app the trainer uses (their phone's calendar) holds one. */
    String anotherClientsAccessToken() {
        return accessTokenBody().get("access_token").getAsString();
    }

    private JsonObject accessTokenBody() {
        String accessToken = "ya29.fake-" + UUID.randomUUID();
        accessTokens.add(accessToken);
        JsonObject body = new JsonObject();
        body.addProperty("access_token", accessToken);
        body.addProperty("expires_in", 3599);
        body.addProperty("scope", SCOPE);
        body.addProperty("token_type", "Bearer");
        return body;
    }

    String issueRefreshToken() {
        String token = "1//fake-refresh-" + UUID.randomUUID();
        refreshTokens.add(token);
        return token;
    }

    boolean acceptsAccessToken(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && accessTokens.contains(authorization.substring(7));
    }

    /** The trainer removed Spotter's access in their Google account: every token of the grant dies. */
    void revokeAll() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    /** Access tokens die (as after an hour); refresh tokens still work. */
    void expireAccessTokens() {
        accessTokens.clear();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}

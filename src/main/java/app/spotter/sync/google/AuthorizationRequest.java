package app.spotter.sync.google;

/**
 * The start of a "connect Google" flow. The web layer redirects the trainer to {@code url} and keeps
 * {@code state} and {@code codeVerifier} in the trainer's session: the callback must present the same state
 * (CSRF, RFC 6749 10.12), and the verifier proves the code is redeemed by whoever asked for it (PKCE, RFC 7636).
 */
public record AuthorizationRequest(String url, String state, String codeVerifier) {

    @Override
    public String toString() {
        return "AuthorizationRequest[url=" + url + ", state=***, codeVerifier=***]";
    }
}

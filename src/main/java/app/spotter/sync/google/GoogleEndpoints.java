package app.spotter.sync.google;

import java.util.Map;
import java.util.Objects;

/**
 * Where Spotter talks to Google, and as which OAuth client. Every URL is configurable so tests (and a staging
 * proxy) can stand in for Google.
 *
 * @param apiRoot root URL of the Calendar API, ending in "/" (the client appends {@code calendar/v3/})
 * @param authorizationUrl the OAuth consent page the trainer's browser is sent to
 * @param tokenUrl the OAuth token endpoint (code exchange and refresh)
 */
public record GoogleEndpoints(
        String apiRoot, String authorizationUrl, String tokenUrl, String clientId, String clientSecret) {

    public static final String GOOGLE_API_ROOT = "https://www.googleapis.com/";
    public static final String GOOGLE_AUTHORIZATION_URL = "https://accounts.google.com/o/oauth2/v2/auth";
    public static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

    public GoogleEndpoints {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        apiRoot = apiRoot.endsWith("/") ? apiRoot : apiRoot + "/";
    }

    /**
     * Reads {@code SPOTTER_GOOGLE_CLIENT_ID}, {@code SPOTTER_GOOGLE_CLIENT_SECRET}, and optionally
     * {@code SPOTTER_GOOGLE_API_ROOT} and {@code SPOTTER_GOOGLE_OAUTH_BASE}. Google serves consent and tokens from
     * two hosts; a substitute serves both under one base, as {@code <base>/auth} and {@code <base>/token}.
     */
    public static GoogleEndpoints fromEnvironment(Map<String, String> env) {
        String apiRoot = env.getOrDefault("SPOTTER_GOOGLE_API_ROOT", GOOGLE_API_ROOT);
        String oauthBase = env.get("SPOTTER_GOOGLE_OAUTH_BASE");
        String auth = oauthBase == null ? GOOGLE_AUTHORIZATION_URL : trimSlash(oauthBase) + "/auth";
        String token = oauthBase == null ? GOOGLE_TOKEN_URL : trimSlash(oauthBase) + "/token";
        return new GoogleEndpoints(apiRoot, auth, token,
                env.get("SPOTTER_GOOGLE_CLIENT_ID"), env.get("SPOTTER_GOOGLE_CLIENT_SECRET"));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "GoogleEndpoints[apiRoot=" + apiRoot + ", authorizationUrl=" + authorizationUrl + ", tokenUrl="
                + tokenUrl + ", clientId=" + clientId + ", clientSecret=***]";
    }
}

package app.spotter.sync.google;

import app.spotter.sync.Connection;
import app.spotter.sync.SyncFailure;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import java.io.IOException;
import java.util.Arrays;

/**
 * Runs one Calendar API request for a trainer: waits for the trainer's rate limiter, attaches a current access
 * token, refreshes it once on a 401, and turns failures into {@link SyncFailure}s, except for the statuses the
 * caller says it handles itself (409 on insert, 412 on update, 404/410 on delete, 410 on list).
 */
final class GoogleApi {

    /** A request against the official client. */
    interface Call<T> {
        T run(Calendar calendar) throws IOException;
    }

    /** The request's result, or the handled status it failed with. */
    record Outcome<T>(T value, int status) {
        boolean ok() {
            return status == 0;
        }
    }

    private final HttpTransport transport;
    private final String apiRoot;
    private final GoogleOAuth oauth;
    private final TrainerRateLimiter limiter;
    private final GoogleErrors errors;

    GoogleApi(HttpTransport transport, String apiRoot, GoogleOAuth oauth, TrainerRateLimiter limiter,
            GoogleErrors errors) {
        this.transport = transport;
        this.apiRoot = apiRoot;
        this.oauth = oauth;
        this.limiter = limiter;
        this.errors = errors;
    }

    <T> T call(Connection connection, Call<T> call) throws SyncFailure {
        return attempt(connection, call).value();
    }

    <T> Outcome<T> attempt(Connection connection, Call<T> call, int... handled) throws SyncFailure {
        for (int attempt = 1; ; attempt++) {
            limiter.acquire(connection.trainerId());
            Calendar calendar = calendar(oauth.accessToken(connection));
            try {
                return new Outcome<>(call.run(calendar), 0);
            } catch (HttpResponseException e) {
                if (e.getStatusCode() == 401 && attempt == 1) {
                    // The cached token may have been revoked or expired early: drop it and refresh once. A second
                    // 401 with a fresh token means the grant itself is gone (mapped to AUTH below).
                    oauth.forget(connection.trainerId());
                    continue;
                }
                if (Arrays.stream(handled).anyMatch(s -> s == e.getStatusCode())) {
                    return new Outcome<>(null, e.getStatusCode());
                }
                throw errors.classify(e);
            } catch (IOException e) {
                throw errors.classify(e);
            }
        }
    }

    private Calendar calendar(String accessToken) {
        HttpRequestInitializer init = request -> {
            request.getHeaders().setAuthorization("Bearer " + accessToken);
            request.setConnectTimeout(10_000);
            request.setReadTimeout(20_000);
            // Retries belong to the sync engine (backoff with jitter, Retry-After), not to the transport.
            request.setNumberOfRetries(0);
        };
        return new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), init)
                .setRootUrl(apiRoot)
                .setApplicationName("Spotter")
                .build();
    }
}

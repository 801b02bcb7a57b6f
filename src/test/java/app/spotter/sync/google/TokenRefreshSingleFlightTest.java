package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.google.fake.FakeGoogle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Workers that miss the access-token cache together make one refresh, not one each (the official client). */
class TokenRefreshSingleFlightTest {

    @Test
    void eightWorkersMissingTheCacheTogetherMakeOneRefreshAndShareItsToken() throws Exception {
        try (FakeGoogle google = new FakeGoogle(); ExecutorService workers = Executors.newFixedThreadPool(8)) {
            google.slowTokens(Duration.ofMillis(300));
            GoogleOAuth oauth = new GoogleOAuth(GoogleEndpoints.fromEnvironment(Map.of(
                    "SPOTTER_GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
                    "SPOTTER_GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET,
                    "SPOTTER_GOOGLE_API_ROOT", google.apiRoot(),
                    "SPOTTER_GOOGLE_OAUTH_BASE", google.oauthBase())),
                    BoundedHttpTransport.withDefaults(), InstantSource.system());
            Connection trainer = new Connection(UUID.randomUUID(), Provider.GOOGLE, Map.of(),
                    google.grantRefreshToken());
            Connection other = new Connection(UUID.randomUUID(), Provider.GOOGLE, Map.of(),
                    google.grantRefreshToken());

            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(workers.submit(() -> {
                    start.await();
                    return oauth.accessToken(trainer);
                }));
            }
            start.countDown();
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> token : tokens) {
                distinct.add(token.get());
            }

            assertThat(google.tokenRequests()).as("refreshes").isEqualTo(1);
            assertThat(distinct).hasSize(1);
            // another trainer refreshes for themselves; a cached token costs nothing
            assertThat(oauth.accessToken(other)).isNotIn(distinct);
            assertThat(oauth.accessToken(trainer)).isIn(distinct);
            assertThat(google.tokenRequests()).isEqualTo(2);
        }
    }
}

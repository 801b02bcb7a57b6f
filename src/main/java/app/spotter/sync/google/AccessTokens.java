package app.spotter.sync.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per trainer, kept until shortly before they expire: a refresh per API call would double the
 * request count and eat into the token endpoint's own limits. Entries remember a digest of the refresh token they
 * came from, so a reconnect (new refresh token) never reuses an access token of the old grant.
 */
final class AccessTokens {

    /** Refresh this long before Google's expiry, so a token never dies between our check and Google's. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private record Entry(byte[] grantDigest, String accessToken, Instant expiresAt) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final InstantSource clock;

    AccessTokens(InstantSource clock) {
        this.clock = clock;
    }

    String find(UUID trainerId, String refreshToken) {
        Entry e = entries.get(trainerId);
        if (e == null || !Arrays.equals(e.grantDigest(), digest(refreshToken))) {
            return null;
        }
        return clock.instant().isBefore(e.expiresAt().minus(MARGIN)) ? e.accessToken() : null;
    }

    void put(UUID trainerId, String refreshToken, String accessToken, Long expiresInSeconds) {
        // Google documents expires_in; if a server omits it, assume the shortest sensible life rather than forever.
        long life = expiresInSeconds == null ? MARGIN.toSeconds() * 2 : expiresInSeconds;
        entries.put(trainerId, new Entry(digest(refreshToken), accessToken, clock.instant().plusSeconds(life)));
    }

    void forget(UUID trainerId) {
        entries.remove(trainerId);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}

package app.spotter.feed;

import app.spotter.preferences.SyncPreferences;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a feed shows, before any booking is read: the trainer, the window, the preferences, and a cheap fingerprint
 * of the bookings and clients in it; and the entity tag made from these.
 *
 * <p>The tag is a hash of this data, not of the body: the body's DTSTAMP is the render time, so two renders of the
 * same data differ in bytes while meaning the same thing. That is exactly a weak validator (RFC 9110 8.8.1), and
 * If-None-Match compares weakly (RFC 9110 13.1.2), so an unchanged feed is answered 304 without reading a single
 * booking. The fingerprint changes with any booking change (latest updated_at), any booking entering or leaving
 * the window (count; the window itself moves a day at a time), any client change, and any preference that shapes
 * the events.
 */
record FeedSnapshot(UUID trainerId, String name, SyncPreferences preferences, Instant from, Instant to,
        String bookings, Instant clientsChanged) {

    /** Bump when the rendering changes, so subscribers fetch the new form once. */
    private static final String FORMAT = "feed-v2";

    String etag() {
        MessageDigest digest = sha256();
        update(digest, FORMAT, name, preferences.timezoneDisplay().getId(),
                String.valueOf(preferences.showClientNames()), new TreeMap<>(preferences.sessionColors()).toString(),
                from.toString(), to.toString(), bookings, clientsChanged.toString());
        return "W/\"" + HexFormat.of().formatHex(digest.digest(), 0, 20) + "\"";
    }

    private static void update(MessageDigest digest, String... values) {
        for (String value : values) {
            digest.update(Objects.toString(value, "").getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f); // unit separator: ("ab","c") and ("a","bc") hash differently
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

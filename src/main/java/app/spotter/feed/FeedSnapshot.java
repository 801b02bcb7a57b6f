package app.spotter.feed;

import app.spotter.calendar.CalendarEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a feed shows, before it is rendered, and its entity tag.
 *
 * <p>The tag is a hash of this data, not of the body: the body's DTSTAMP is the render time, so two renders of the
 * same data differ in bytes while meaning the same thing. That is exactly a weak validator (RFC 9110 8.8.1), and
 * If-None-Match compares weakly (RFC 9110 13.1.2), so an unchanged feed is answered 304 without rendering it.
 */
record FeedSnapshot(List<CalendarEvent> events, ZoneId zone, String name) {

    /** Bump when the rendering changes, so subscribers fetch the new form once. */
    private static final String FORMAT = "feed-v1";

    String etag() {
        MessageDigest digest = sha256();
        update(digest, FORMAT, name, zone.getId());
        for (CalendarEvent e : events) {
            update(digest, e.uid(), String.valueOf(e.sequence()), e.summary(), e.location(), e.start().toString(),
                    e.end().toString(), e.zone().getId(), e.colorHex(), e.sessionType().value());
        }
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

package app.spotter.sync;

import app.spotter.calendar.CalendarEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Fingerprint of what a calendar shows of a booking. SEQUENCE is left out on purpose: a change calendars cannot
 * see (the private notes) raises it but must not cost a request. Running reconciliation twice therefore sends
 * nothing the second time. It is the default {@link CalendarProvider#fingerprint}; a provider that sends several
 * copies fingerprints each of them.
 */
public final class ContentHash {

    private ContentHash() {}

    public static String of(CalendarEvent e) {
        String canonical = String.join("\u001f", e.uid(), e.summary(), Objects.toString(e.location(), ""),
                e.start().toString(), e.end().toString(), e.zone().getId(), Objects.toString(e.colorHex(), ""),
                e.sessionType().value(), String.valueOf(e.cancelled()));
        if (e.repeating() != null) {
            // only for a series, so a single event's fingerprint stays what it was (no re-push after an upgrade)
            canonical = canonical + "\u001f" + e.repeating().canonical();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}

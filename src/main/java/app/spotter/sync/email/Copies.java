package app.spotter.sync.email;

import app.spotter.calendar.CalendarEvent;
import app.spotter.client.Client;
import app.spotter.sync.Connection;
import app.spotter.trainer.Trainer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The copies a booking's invitation should have now, each with a fingerprint of only what that copy shows.
 *
 * <p>The client's copy shows the time, duration, location, session type, cancellation and their own name; it never
 * depends on the trainer's display settings ({@code timezone_display}, {@code show_client_names}, colours), so
 * changing those sends clients nothing. The trainer's copy shows what their calendar shows.
 */
final class Copies {

    private Copies() {}

    static List<Copy> of(Connection connection, CalendarEvent event, Client client, Trainer trainer) {
        return Recipients.of(connection, event, client, trainer).stream()
                .map(r -> r.isClient()
                        ? new Copy(r, client.id(), hash(event.uid(), event.start(), event.end(),
                                event.location(), event.sessionType().value(), event.cancelled(), r.summary(),
                                r.name()))
                        : new Copy(r, null, hash(event.uid(), event.start(), event.end(), event.location(),
                                event.sessionType().value(), event.cancelled(), r.summary(), r.name(),
                                event.zone().getId(), event.colorHex())))
                .toList();
    }

    /** For the sync engine: all copies and who gets them, so a new or changed address is a change too. */
    static String fingerprint(List<Copy> copies) {
        return hash(copies.stream()
                .map(c -> String.join("|", c.client() ? "client" : "trainer", Objects.toString(c.clientId(), ""),
                        c.address().toLowerCase(Locale.ROOT), c.fingerprint()))
                .collect(Collectors.joining("\n")));
    }

    private static String hash(Object... parts) {
        String canonical = java.util.Arrays.stream(parts).map(p -> Objects.toString(p, ""))
                .collect(Collectors.joining("\u001f"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

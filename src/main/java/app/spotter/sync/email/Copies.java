package app.spotter.sync.email;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.Repeating;
import app.spotter.client.Client;
import app.spotter.sync.Connection;
import app.spotter.trainer.Trainer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The copies a booking's invitation should have now, each with a fingerprint of only what that copy shows.
 *
 * <p>Each participant has a copy of their own. A client's copy shows the time, duration, location, session type, cancellation and their own name; it never
 * depends on the trainer's display settings ({@code timezone_display}, {@code show_client_names}, colours), so
 * changing those sends clients nothing. The trainer's copy shows what their calendar shows.
 */
final class Copies {

    private Copies() {}

    /** One copy per participant who can be written to, then the trainer's copy. */
    static List<Copy> of(Connection connection, CalendarEvent event, List<Client> participants, Trainer trainer) {
        List<Copy> copies = new ArrayList<>(participants.size() + 1);
        for (Client client : participants) {
            Recipients.client(connection, event, client).ifPresent(r -> copies.add(new Copy(r, client.id(),
                    hash(identity(event), event.start(), event.end(), event.location(), event.sessionType().value(),
                            event.cancelled(), r.summary(), r.name()),
                    parts(event, false, r.summary(), r.name()))));
        }
        Recipients.trainer(connection, event, trainer).ifPresent(r -> copies.add(new Copy(r, null,
                hash(identity(event), event.start(), event.end(), event.location(), event.sessionType().value(),
                        event.cancelled(), r.summary(), r.name(), event.zone().getId(), event.colorHex()),
                parts(event, true, r.summary(), r.name()))));
        return copies;
    }

    /**
     * A series' copy part by part: the master (rule and content without exceptions) and each exception, each
     * fingerprinted from what that copy shows of it (a client's copy: not the trainer's colour or display zone).
     */
    private static SeriesParts parts(CalendarEvent event, boolean trainer, String summary, String name) {
        Repeating r = event.repeating();
        if (r == null) {
            return null;
        }
        String rule = r.intervalWeeks() + "|" + r.days() + "|" + r.until() + "|" + r.count();
        String master = trainer
                ? hash(event.uid(), rule, event.start(), event.end(), event.location(), event.sessionType().value(),
                        event.cancelled(), summary, name, event.zone().getId(), event.colorHex())
                : hash(event.uid(), rule, event.start(), event.end(), event.location(), event.sessionType().value(),
                        event.cancelled(), summary, name);
        java.util.Map<java.time.Instant, String> overrides = new java.util.HashMap<>();
        for (Repeating.Override o : r.overrides()) {
            CalendarEvent e = o.event();
            overrides.put(o.recurrenceId(), trainer
                    ? hash(e.start(), e.end(), e.location(), e.sessionType().value(), e.colorHex())
                    : hash(e.start(), e.end(), e.location(), e.sessionType().value()));
        }
        return SeriesParts.of(master, overrides, new java.util.HashSet<>(r.exdates()));
    }

    /** For the sync engine: all copies and who gets them, so a new or changed address is a change too. */
    /**
     * The UID, and for a series its rule, exclusions and overrides: a moved or cancelled session changes what every
     * copy shows. A single event's fingerprint stays what it was (no re-send after an upgrade).
     */
    private static String identity(CalendarEvent event) {
        return event.repeating() == null ? event.uid() : event.uid() + "\u001f" + event.repeating().canonical();
    }

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

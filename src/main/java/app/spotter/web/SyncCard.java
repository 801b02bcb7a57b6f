package app.spotter.web;

import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One calendar's status as the trainer reads it. The state is one of: not connected, not synced yet, syncing,
 * in step, failing, needs reconnecting, turned off. A failing calendar says since when (derived from its last
 * successful sync: the status keeps no separate "failing since"), why, and what to do.
 *
 * @param action what fixes the state: "reconnect", "retry", "turn-on", or null when nothing needs doing
 * @param account the connected account's non-secret facts (server, user), never the password
 */
public record SyncCard(String provider, String title, boolean connected, String state, String stateLabel,
        String lastSyncAgo, String lastSyncExact, String lastSyncIso, int eventsSynced, String errorMessage,
        String action, String failingSince, String advice, List<Fact> account) {

    /** One labelled fact about the connected account. */
    public record Fact(String label, String value) {}

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz",
            java.util.Locale.forLanguageTag("en-ZA"));

    static SyncCard notConnected(Provider provider) {
        return new SyncCard(provider.value(), title(provider), false, "not_connected", "Not connected", null, null,
                null, 0, null, null, null, null, List.of());
    }

    static SyncCard of(SyncStatus s, Map<String, String> settings, ZoneId zone, Instant now) {
        Instant last = s.lastSync();
        String state = state(s);
        String action = switch (state) {
            case "needs_reconnect" -> "reconnect";
            case "failing" -> "retry";
            case "disabled" -> "turn-on";
            default -> null;
        };
        String exact = last == null ? null : EXACT.format(last.atZone(zone));
        String since = !state.equals("failing") && !state.equals("needs_reconnect") ? null
                : last == null ? "Never in step yet" : "Not in step since " + exact + " (" + ago(last, now) + ")";
        return new SyncCard(s.provider().value(), title(s.provider()), true, state, label(state),
                last == null ? "Not synced yet" : ago(last, now), exact, last == null ? null : last.toString(),
                s.eventsSynced(), s.errorMessage(), action, since, advice(state, s.provider()),
                account(s.provider(), settings));
    }

    /** The engine's status in the trainer's terms; "ok" before any sync has finished is "not synced yet". */
    static String state(SyncStatus s) {
        return switch (s.syncStatus()) {
            case SyncStatus.OK -> s.lastSync() == null ? "not_synced" : "ok";
            case SyncStatus.ERROR -> "failing";
            case SyncStatus.NEEDS_RECONNECT -> "needs_reconnect";
            case SyncStatus.SYNCING -> "syncing";
            case SyncStatus.DISABLED -> "disabled";
            default -> s.syncStatus();
        };
    }

    boolean failing() {
        return "failing".equals(state) || "needs_reconnect".equals(state);
    }

    static String title(Provider provider) {
        return switch (provider) {
            case GOOGLE -> "Google Calendar";
            case APPLE -> "Apple Calendar (iCloud or CalDAV)";
            case EMAIL -> "Email invitations";
        };
    }

    private static String label(String state) {
        return switch (state) {
            case "ok" -> "In step";
            case "not_synced" -> "Not synced yet";
            case "syncing" -> "Syncing…";
            case "failing" -> "Failing";
            case "needs_reconnect" -> "Needs reconnecting";
            case "disabled" -> "Turned off";
            default -> state;
        };
    }

    private static String advice(String state, Provider provider) {
        return switch (state) {
            case "failing" -> "Spotter keeps retrying by itself. If the reason above is on your side (the server "
                    + "address, a full calendar), fix it, then press Try again now.";
            case "needs_reconnect" -> provider == Provider.APPLE
                    ? "The password was refused. Make a new app-specific password and reconnect below."
                    : provider == Provider.GOOGLE ? "Google no longer accepts Spotter's access. Reconnect Google."
                    : "Check the email settings below and save them again.";
            case "not_synced" -> "Your sessions are on their way; this usually takes a few seconds.";
            case "disabled" -> "Nothing is sent to this calendar while it is turned off.";
            default -> null;
        };
    }

    private static List<Fact> account(Provider provider, Map<String, String> settings) {
        List<Fact> facts = new ArrayList<>();
        switch (provider) {
            case APPLE -> {
                add(facts, "Server", settings.get("server_url"));
                add(facts, "User", settings.get("username"));
                add(facts, "Calendar", settings.get("calendar_name"));
            }
            case GOOGLE -> add(facts, "Calendar", "primary".equals(settings.get("calendar_id"))
                    ? "Your main Google calendar" : settings.get("calendar_id"));
            case EMAIL -> {
                add(facts, "Your copy to", settings.getOrDefault("trainer_address", "(none)"));
                add(facts, "Clients invited", "true".equals(settings.get("send_to_clients")) ? "Yes" : "No");
            }
        }
        return facts;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours == 1 ? "1 hour ago" : hours + " hours ago";
        }
        long days = hours / 24;
        return days == 1 ? "yesterday" : days + " days ago";
    }
}

package app.spotter.web;

import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One calendar's status as the trainer reads it: last sync (relative and exact), state in words, events
 * mirrored, the error in plain words and the action that fixes it.
 *
 * @param action what fixes the state: "reconnect", "retry", "turn-on", or null when nothing needs doing
 */
public record SyncCard(String provider, String title, boolean connected, String state, String stateLabel,
        String lastSyncAgo, String lastSyncExact, String lastSyncIso, int eventsSynced, String errorMessage,
        String action) {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz");

    static SyncCard notConnected(Provider provider) {
        return new SyncCard(provider.value(), title(provider), false, "not_connected", "Not connected", null, null,
                null, 0, null, null);
    }

    static SyncCard of(SyncStatus s, ZoneId zone, Instant now) {
        Instant last = s.lastSync();
        String action = switch (s.syncStatus()) {
            case SyncStatus.NEEDS_RECONNECT -> "reconnect";
            case SyncStatus.ERROR -> "retry";
            case SyncStatus.DISABLED -> "turn-on";
            default -> null;
        };
        return new SyncCard(s.provider().value(), title(s.provider()), true, s.syncStatus(), label(s.syncStatus()),
                last == null ? "Not synced yet" : ago(last, now), last == null ? null : EXACT.format(last.atZone(zone)),
                last == null ? null : last.toString(), s.eventsSynced(), s.errorMessage(), action);
    }

    static String title(Provider provider) {
        return switch (provider) {
            case GOOGLE -> "Google Calendar";
            case APPLE -> "Apple Calendar (iCloud or CalDAV)";
            case EMAIL -> "Email invitations";
        };
    }

    private static String label(String status) {
        return switch (status) {
            case SyncStatus.OK -> "OK: in step";
            case SyncStatus.SYNCING -> "Syncing…";
            case SyncStatus.ERROR -> "Error";
            case SyncStatus.NEEDS_RECONNECT -> "Needs reconnecting";
            case SyncStatus.DISABLED -> "Turned off";
            default -> status;
        };
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

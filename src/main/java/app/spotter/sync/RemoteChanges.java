package app.spotter.sync;

import java.util.Map;
import java.util.Set;

/**
 * The answer to "what changed there since my token?".
 *
 * @param syncToken the token to store for the next read
 * @param changed external ids created or modified there, each with its current etag (null when unknown); the
 *     engine compares it with the etag of its own last write to tell an echo of its own write from a change
 *     somebody made in the calendar
 * @param removedIds external ids deleted there
 * @param fullResync true when the old token was refused and {@code changed} is a complete listing
 *     (RFC 6578 3.2 / Google 410): ids we mirror that are missing from it are gone
 */
public record RemoteChanges(String syncToken, Map<String, String> changed, Set<String> removedIds,
        boolean fullResync) {

    public RemoteChanges {
        changed = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(changed));
        removedIds = Set.copyOf(removedIds);
    }
}

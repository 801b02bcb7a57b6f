package app.spotter.sync;

import java.util.Set;

/**
 * The answer to "what changed there since my token?".
 *
 * @param syncToken the token to store for the next read
 * @param changedIds external ids created or modified there
 * @param removedIds external ids deleted there
 * @param fullResync true when the old token was refused and this is a complete listing (RFC 6578 3.2 / Google 410)
 */
public record RemoteChanges(String syncToken, Set<String> changedIds, Set<String> removedIds, boolean fullResync) {}

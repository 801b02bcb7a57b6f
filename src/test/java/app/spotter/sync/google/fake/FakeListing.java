package app.spotter.sync.google.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * events.list with Google's incremental sync rules (https://developers.google.com/workspace/calendar/api/guides/sync):
 * pages of maxResults with nextPageToken, nextSyncToken on the last page only, a syncToken call returns everything
 * written since (deletions included), must repeat the first call's parameters, and an unknown or expired token is
 * 410 fullSyncRequired.
 */
final class FakeListing {

    /** Parameters Google refuses together with a syncToken (events/list "syncToken"). */
    static final Set<String> NOT_WITH_SYNC_TOKEN = Set.of("iCalUID", "orderBy", "privateExtendedProperty", "q",
            "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin");

    /** Where a sync token points: a change-log position, and the parameters of the listing that issued it. */
    private record SyncToken(String calendarId, long version, Map<String, String> params) {}

    /** A listing being paged through: what is left, and the sync token its last page will carry. */
    private record Remaining(List<JsonObject> items, String syncToken) {}

    /** The answer to one list request: the page body, or an error. */
    record Answer(int status, String reason, String message, JsonObject body) {
        static Answer error(int status, String reason, String message) {
            return new Answer(status, reason, message, null);
        }
    }

    private final Map<String, SyncToken> syncTokens = new ConcurrentHashMap<>();
    private final Map<String, Remaining> pages = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final FakeClockwork clock;

    FakeListing(FakeClockwork clock) {
        this.clock = clock;
    }

    /** Forgets every sync token, as Google does when tokens expire: their next use is 410. */
    void expireSyncTokens() {
        syncTokens.clear();
    }

    Answer list(String calendarId, FakeCalendar calendar, Map<String, String> query) {
        String pageToken = query.get("pageToken");
        if (pageToken != null) {
            Remaining remaining = pages.remove(pageToken);
            return remaining == null
                    ? Answer.error(400, "invalid", "Invalid page token value.")
                    : page(remaining, pageSize(query));
        }
        Map<String, String> params = new TreeMap<>(query);
        params.remove("syncToken");
        String syncToken = query.get("syncToken");
        List<JsonObject> items;
        if (syncToken != null) {
            if (params.keySet().stream().anyMatch(NOT_WITH_SYNC_TOKEN::contains)) {
                return Answer.error(400, "invalid", "Sync token cannot be used with other parameters.");
            }
            SyncToken token = syncTokens.get(syncToken);
            if (token == null || !token.calendarId().equals(calendarId)) {
                return Answer.error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
            }
            if (!token.params().equals(params)) {
                return Answer.error(400, "invalid", "Incremental sync must repeat the initial request's parameters.");
            }
            items = calendar.changedAfter(token.version()).stream().map(FakeListing::view).toList();
        } else {
            boolean showDeleted = "true".equals(query.get("showDeleted"));
            items = calendar.all().stream().filter(s -> showDeleted || !s.cancelled()).map(FakeListing::view).toList();
        }
        String next = "sync" + counter.incrementAndGet();
        syncTokens.put(next, new SyncToken(calendarId, clock.now(), Map.copyOf(params)));
        return page(new Remaining(items, next), pageSize(query));
    }

    private Answer page(Remaining remaining, int size) {
        List<JsonObject> items = remaining.items();
        JsonObject body = new JsonObject();
        body.addProperty("kind", "calendar#events");
        JsonArray array = new JsonArray();
        items.stream().limit(size).forEach(array::add);
        body.add("items", array);
        if (items.size() > size) {
            String pageToken = "page" + counter.incrementAndGet();
            pages.put(pageToken, new Remaining(items.subList(size, items.size()), remaining.syncToken()));
            body.addProperty("nextPageToken", pageToken);
        } else {
            body.addProperty("nextSyncToken", remaining.syncToken());
        }
        return new Answer(200, null, null, body);
    }

    private static int pageSize(Map<String, String> query) {
        return Math.min(2500, Integer.parseInt(query.getOrDefault("maxResults", "250")));
    }

    /**
     * Deleted events are listed stripped down to what identifies them, as Google does; a cancelled exception of a
     * recurring event keeps {@code recurringEventId} and {@code originalStartTime} (events resource "status": the
     * only fields such an exception is guaranteed to have, besides its id), so a client can tell which occurrence
     * of which series was deleted.
     */
    private static JsonObject view(FakeCalendar.Stored stored) {
        if (!stored.cancelled()) {
            return stored.json().deepCopy();
        }
        JsonObject stub = new JsonObject();
        for (String field : List.of("kind", "etag", "id", "status", "recurringEventId", "originalStartTime")) {
            if (stored.json().has(field)) {
                stub.add(field, stored.json().get(field));
            }
        }
        return stub;
    }
}

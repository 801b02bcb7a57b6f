package app.spotter.sync.google.fake;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One calendar's events as Google keeps them: ids are client-chosen base32hex or generated, deletes leave a
 * {@code cancelled} tombstone that keeps its id, and every write gets a new etag and a new position in the change
 * log that sync tokens point into.
 */
final class FakeCalendar {

    /** events/insert "id": base32hex characters a-v and 0-9, 5 to 1024 long. */
    static final Pattern VALID_ID = Pattern.compile("[a-v0-9]{5,1024}");

    /** A stored event: its JSON as Google would return it, and the change-log position of its last write. */
    record Stored(JsonObject json, long version) {
        String etag() {
            return json.get("etag").getAsString();
        }

        boolean cancelled() {
            return "cancelled".equals(json.get("status").getAsString());
        }
    }

    private final Map<String, Stored> events = new LinkedHashMap<>();
    private final FakeClockwork clock;

    FakeCalendar(FakeClockwork clock) {
        this.clock = clock;
    }

    synchronized Stored get(String id) {
        return events.get(id);
    }

    /** Stores {@code json} under {@code id} as the newest version, filling in what Google fills in. */
    synchronized Stored write(String id, JsonObject json) {
        long version = clock.tick();
        Stored previous = events.get(id);
        json.addProperty("kind", "calendar#event");
        json.addProperty("id", id);
        json.addProperty("etag", "\"" + (3_000_000_000_000_000L + version) + "\"");
        if (!json.has("status")) {
            json.addProperty("status", "confirmed");
        }
        if (!json.has("iCalUID")) {
            json.addProperty("iCalUID", previous != null ? previous.json().get("iCalUID").getAsString() : id + "@google.com");
        }
        if (!json.has("sequence")) {
            json.addProperty("sequence", previous == null ? 0 : previous.json().get("sequence").getAsInt());
        }
        json.addProperty("updated", clock.timestamp(version));
        Stored stored = new Stored(json, version);
        events.put(id, stored);
        return stored;
    }

    /** Every event, in insertion order (a copy). */
    synchronized List<Stored> all() {
        return new ArrayList<>(events.values());
    }

    /** Events written after the change-log position {@code since}, tombstones included. */
    synchronized List<Stored> changedAfter(long since) {
        return events.values().stream().filter(s -> s.version() > since).toList();
    }
}

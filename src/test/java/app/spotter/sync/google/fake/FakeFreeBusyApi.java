package app.spotter.sync.google.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /users/me/calendarList} and {@code POST /freeBusy} as documented:
 * https://developers.google.com/workspace/calendar/api/v3/reference/calendarList/list (items with id, summary,
 * summaryOverride, primary, accessRole; pages of maxResults, default 100, with nextPageToken) and
 * https://developers.google.com/workspace/calendar/api/v3/reference/freebusy/query (per requested calendar its
 * busy periods in [timeMin, timeMax), or errors with reason notFound). Busy means: not cancelled, not
 * transparent, not declined by the calendar's owner ("self" attendee); overlapping periods are merged, as
 * Google answers. Recurring events count by their occurrences, each as {@link FakeRecurrence} lists them
 * (excluded dates left out, a moved or cancelled occurrence as its override says).
 */
final class FakeFreeBusyApi {

    record Entry(String id, String summary, boolean primary, String accessRole) {}

    private final Map<String, Entry> list = new LinkedHashMap<>();
    private final java.util.Set<String> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Function<String, FakeCalendar> calendars;

    FakeFreeBusyApi(Function<String, FakeCalendar> calendars) {
        this.calendars = calendars;
    }

    synchronized void add(Entry entry) {
        list.put(entry.id(), entry);
    }

    void unreadable(String id, boolean unreadable) {
        if (unreadable) {
            this.unreadable.add(id);
        } else {
            this.unreadable.remove(id);
        }
    }

    synchronized boolean known(String id) {
        return list.containsKey(id);
    }

    void calendarList(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.params(exchange.getRequestURI().getRawQuery());
        int max = Math.min(250, Integer.parseInt(query.getOrDefault("maxResults", "100")));
        int start = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        List<Entry> entries;
        synchronized (this) {
            entries = new ArrayList<>(list.values());
        }
        JsonArray items = new JsonArray();
        for (int i = start; i < Math.min(entries.size(), start + max); i++) {
            Entry e = entries.get(i);
            JsonObject item = new JsonObject();
            item.addProperty("kind", "calendar#calendarListEntry");
            item.addProperty("id", e.id());
            item.addProperty("summary", e.summary());
            item.addProperty("accessRole", e.accessRole());
            if (e.primary()) {
                item.addProperty("primary", true);
            }
            items.add(item);
        }
        JsonObject body = new JsonObject();
        body.addProperty("kind", "calendar#calendarList");
        body.add("items", items);
        if (start + max < entries.size()) {
            body.addProperty("nextPageToken", Integer.toString(start + max));
        }
        Exchanges.json(exchange, 200, body);
    }

    void query(HttpExchange exchange, Function<String, String> resolve) throws IOException {
        JsonObject request = Exchanges.jsonBody(exchange);
        if (!request.has("timeMin") || !request.has("timeMax") || !request.has("items")) {
            Exchanges.error(exchange, 400, "global", "required", "Required");
            return;
        }
        Instant min = OffsetDateTime.parse(request.get("timeMin").getAsString()).toInstant();
        Instant max = OffsetDateTime.parse(request.get("timeMax").getAsString()).toInstant();
        JsonObject result = new JsonObject();
        for (JsonElement item : request.getAsJsonArray("items")) {
            String id = item.getAsJsonObject().get("id").getAsString();
            JsonObject calendar = new JsonObject();
            if (!known(id) || unreadable.contains(id)) {
                JsonArray errors = new JsonArray();
                JsonObject error = new JsonObject();
                error.addProperty("domain", "global");
                error.addProperty("reason", known(id) ? "internalError" : "notFound");
                errors.add(error);
                calendar.add("errors", errors);
                calendar.add("busy", new JsonArray());
            } else {
                calendar.add("busy", busy(calendars.apply(resolve.apply(id)), min, max));
            }
            result.add(id, calendar);
        }
        JsonObject body = new JsonObject();
        body.addProperty("kind", "calendar#freeBusy");
        body.addProperty("timeMin", request.get("timeMin").getAsString());
        body.addProperty("timeMax", request.get("timeMax").getAsString());
        body.add("calendars", result);
        Exchanges.json(exchange, 200, body);
    }

    private static JsonArray busy(FakeCalendar calendar, Instant min, Instant max) {
        List<Instant[]> periods = new ArrayList<>();
        List<JsonObject> events = new ArrayList<>();
        for (FakeCalendar.Stored stored : calendar.all()) {
            JsonObject e = stored.json();
            if (e.has("recurringEventId")) {
                continue; // an override: counted through its master's occurrences
            }
            if (e.has("recurrence")) {
                if (!stored.cancelled()) {
                    events.addAll(FakeRecurrence.instances(calendar, e, null));
                }
            } else {
                events.add(e);
            }
        }
        for (JsonObject e : events) {
            if ("cancelled".equals(text(e, "status")) || "transparent".equals(text(e, "transparency"))
                    || declinedBySelf(e)) {
                continue;
            }
            Instant start = time(e.getAsJsonObject("start"));
            Instant end = time(e.getAsJsonObject("end"));
            if (start != null && end != null && start.isBefore(max) && end.isAfter(min)) {
                periods.add(new Instant[] {start.isBefore(min) ? min : start, end.isAfter(max) ? max : end});
            }
        }
        periods.sort((a, b) -> a[0].compareTo(b[0]));
        JsonArray busy = new JsonArray();
        Instant[] open = null;
        for (Instant[] p : periods) {
            if (open != null && !p[0].isAfter(open[1])) {
                open[1] = p[1].isAfter(open[1]) ? p[1] : open[1];
            } else {
                if (open != null) {
                    busy.add(period(open));
                }
                open = p;
            }
        }
        if (open != null) {
            busy.add(period(open));
        }
        return busy;
    }

    private static boolean declinedBySelf(JsonObject e) {
        if (!e.has("attendees")) {
            return false;
        }
        for (JsonElement a : e.getAsJsonArray("attendees")) {
            JsonObject attendee = a.getAsJsonObject();
            if (attendee.has("self") && attendee.get("self").getAsBoolean()
                    && "declined".equals(text(attendee, "responseStatus"))) {
                return true;
            }
        }
        return false;
    }

    private static Instant time(JsonObject when) {
        if (when == null) {
            return null;
        }
        if (when.has("dateTime")) {
            return OffsetDateTime.parse(when.get("dateTime").getAsString()).toInstant();
        }
        if (when.has("date")) {
            String zone = when.has("timeZone") ? when.get("timeZone").getAsString() : "UTC";
            return LocalDate.parse(when.get("date").getAsString()).atStartOfDay(ZoneId.of(zone)).toInstant();
        }
        return null;
    }

    private static JsonObject period(Instant[] p) {
        JsonObject o = new JsonObject();
        o.addProperty("start", p[0].toString());
        o.addProperty("end", p[1].toString());
        return o;
    }

    private static String text(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }
}

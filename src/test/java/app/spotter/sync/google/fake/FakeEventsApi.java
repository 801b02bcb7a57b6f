package app.spotter.sync.google.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** /calendar/v3/calendars/{calendarId}/events[/{eventId}]: insert, get, update, patch, delete, list. */
final class FakeEventsApi {

    private final Function<String, FakeCalendar> calendars;
    private final FakeListing listing;

    FakeEventsApi(Function<String, FakeCalendar> calendars, FakeListing listing) {
        this.calendars = calendars;
        this.listing = listing;
    }

    /** Handles the request; with {@code dropAnswer} it is applied but its answer is cut off midway. */
    void handle(HttpExchange exchange, boolean dropAnswer) throws IOException {
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        // "", "calendar", "v3", "calendars", {calendarId}, "events", [{eventId}]
        if (parts.length < 6 || !"calendars".equals(parts[3]) || !"events".equals(parts[5])) {
            Exchanges.error(exchange, 404, "global", "notFound", "Not Found");
            return;
        }
        String calendarId = decode(parts[4]);
        FakeCalendar calendar = calendars.apply(calendarId);
        String eventId = parts.length > 6 ? decode(parts[6]) : null;
        String method = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        method = method != null ? method : exchange.getRequestMethod();
        Map<String, String> query = Exchanges.params(exchange.getRequestURI().getRawQuery());

        if (eventId != null && parts.length == 8 && "instances".equals(parts[7]) && method.equals("GET")) {
            instances(exchange, calendar, eventId, query, dropAnswer);
            return;
        }
        if (eventId != null && calendar.get(eventId) == null && (method.equals("PUT") || method.equals("PATCH")
                || method.equals("DELETE")) && FakeRecurrence.instanceOf(calendar, eventId) != null) {
            overrideInstance(exchange, calendar, eventId, method, dropAnswer);
            return;
        }
        if (eventId == null && method.equals("POST")) {
            insert(exchange, calendar, dropAnswer);
        } else if (eventId == null && method.equals("GET")) {
            FakeListing.Answer answer = listing.list(calendarId, calendar, query);
            if (answer.body() == null) {
                Exchanges.error(exchange, answer.status(), "calendar", answer.reason(), answer.message());
            } else {
                respond(exchange, answer.body(), dropAnswer);
            }
        } else if (eventId != null) {
            FakeCalendar.Stored stored = calendar.get(eventId);
            if (stored == null) {
                Exchanges.error(exchange, 404, "global", "notFound", "Not Found");
            } else if (method.equals("GET")) {
                respond(exchange, stored.json(), dropAnswer);
            } else if (!ifMatch(exchange, stored)) {
                Exchanges.error(exchange, 412, "global", "conditionNotMet", "Precondition Failed");
            } else if (method.equals("PUT") || method.equals("PATCH")) {
                write(exchange, calendar, stored, method.equals("PATCH"), dropAnswer);
            } else if (method.equals("DELETE")) {
                delete(exchange, calendar, stored, dropAnswer);
            } else {
                Exchanges.error(exchange, 405, "global", "methodNotAllowed", "Method Not Allowed");
            }
        } else {
            Exchanges.error(exchange, 405, "global", "methodNotAllowed", "Method Not Allowed");
        }
    }

    /**
     * events.instances: the occurrences of a recurring event, each with id {@code <eventId>_<original start in UTC
     * basic form>}, {@code recurringEventId} and {@code originalStartTime}; {@code originalStart} picks one. An
     * occurrence overridden earlier is answered as stored. 404 for an event that is not recurring.
     */
    private void instances(HttpExchange exchange, FakeCalendar calendar, String masterId, Map<String, String> query,
            boolean dropAnswer) throws IOException {
        FakeCalendar.Stored master = calendar.get(masterId);
        if (master == null || !master.json().has("recurrence")) {
            Exchanges.error(exchange, 404, "global", "notFound", "Not Found");
            return;
        }
        boolean showDeleted = "true".equals(query.get("showDeleted"));
        JsonArray items = new JsonArray();
        for (JsonObject instance : FakeRecurrence.instances(calendar, master.json(), query.get("originalStart"))) {
            // an instance deleted on its own is a cancelled exception: listed only when deleted events are asked for
            if (showDeleted || !"cancelled".equals(instance.get("status").getAsString())) {
                items.add(instance);
            }
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("kind", "calendar#events");
        answer.add("items", items);
        respond(exchange, answer, dropAnswer);
    }

    /**
     * A write of an occurrence not overridden before: it becomes an exception of its recurring event, stored under
     * the instance's own id with {@code recurringEventId} and {@code originalStartTime} (events resource), and so it
     * is listed as an item of its own by an incremental events.list. A patch changes only what it sends, the rest
     * stays as the instance was; a delete leaves a cancelled exception ("Cancelled exceptions of an uncancelled
     * recurring event indicate that this instance should no longer be presented to the user").
     */
    private void overrideInstance(HttpExchange exchange, FakeCalendar calendar, String instanceId, String method,
            boolean dropAnswer) throws IOException {
        JsonObject virtual = FakeRecurrence.instanceOf(calendar, instanceId);
        JsonObject next;
        if (method.equals("DELETE")) {
            next = virtual.deepCopy();
            next.addProperty("status", "cancelled");
        } else {
            JsonObject body = Exchanges.jsonBody(exchange);
            JsonObject merged = method.equals("PATCH") ? virtual.deepCopy() : new JsonObject();
            body.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
            next = merged;
        }
        next.add("recurringEventId", virtual.get("recurringEventId"));
        next.add("originalStartTime", virtual.get("originalStartTime"));
        next.add("iCalUID", virtual.get("iCalUID"));
        next.remove("etag");
        JsonObject stored = calendar.write(instanceId, next).json();
        if (!method.equals("DELETE")) {
            respond(exchange, stored, dropAnswer);
        } else if (dropAnswer) {
            Exchanges.dropMidway(exchange, stored);
        } else {
            Exchanges.noContent(exchange);
        }
    }

    private void insert(HttpExchange exchange, FakeCalendar calendar, boolean dropAnswer) throws IOException {
        JsonObject body = Exchanges.jsonBody(exchange);
        String invalid = FakeRecurrence.invalid(body);
        if (invalid != null) {
            Exchanges.error(exchange, 400, "global", "invalid", invalid);
            return;
        }
        String id = body.has("id") ? body.get("id").getAsString() : UUID.randomUUID().toString().replace("-", "");
        if (!FakeCalendar.VALID_ID.matcher(id).matches()) {
            Exchanges.error(exchange, 400, "global", "invalid", "Invalid resource id value.");
            return;
        }
        synchronized (calendar) {
            // A deleted event keeps its id as a cancelled tombstone, so its id is taken too.
            if (calendar.get(id) != null) {
                Exchanges.error(exchange, 409, "global", "duplicate", "The requested identifier already exists.");
                return;
            }
            body.remove("etag");
            respond(exchange, calendar.write(id, body).json(), dropAnswer);
        }
    }

    private void write(HttpExchange exchange, FakeCalendar calendar, FakeCalendar.Stored stored, boolean patch,
            boolean dropAnswer) throws IOException {
        JsonObject body = Exchanges.jsonBody(exchange);
        String invalid = FakeRecurrence.invalid(body);
        if (invalid != null) {
            Exchanges.error(exchange, 400, "global", "invalid", invalid);
            return;
        }
        JsonObject next = patch ? stored.json().deepCopy() : new JsonObject();
        body.entrySet().forEach(e -> next.add(e.getKey(), e.getValue()));
        int storedSequence = stored.json().get("sequence").getAsInt();
        if (next.has("sequence") && next.get("sequence").getAsInt() < storedSequence) {
            Exchanges.error(exchange, 400, "global", "invalid", "Invalid sequence value. The specified sequence "
                    + "number is below the current sequence number of the resource.");
            return;
        }
        // the id and the iCalUID of an event never change
        next.add("iCalUID", stored.json().get("iCalUID"));
        next.remove("etag");
        respond(exchange, calendar.write(stored.json().get("id").getAsString(), next).json(), dropAnswer);
    }

    private void delete(HttpExchange exchange, FakeCalendar calendar, FakeCalendar.Stored stored, boolean dropAnswer)
            throws IOException {
        if (stored.cancelled()) {
            Exchanges.error(exchange, 410, "global", "deleted", "Resource has been deleted");
            return;
        }
        JsonObject tombstone = stored.json().deepCopy();
        tombstone.addProperty("status", "cancelled");
        tombstone.remove("etag");
        calendar.write(stored.json().get("id").getAsString(), tombstone);
        if (dropAnswer) {
            Exchanges.dropMidway(exchange, tombstone);
        } else {
            Exchanges.noContent(exchange);
        }
    }

    private static boolean ifMatch(HttpExchange exchange, FakeCalendar.Stored stored) {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        return ifMatch == null || ifMatch.equals("*") || ifMatch.equals(stored.etag());
    }

    private static void respond(HttpExchange exchange, JsonObject body, boolean dropAnswer) throws IOException {
        if (dropAnswer) {
            Exchanges.dropMidway(exchange, body);
        } else {
            Exchanges.json(exchange, 200, body);
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}

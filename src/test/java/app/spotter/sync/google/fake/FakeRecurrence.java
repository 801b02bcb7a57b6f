package app.spotter.sync.google.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * Recurring events as Google Calendar v3 documents them: the event's {@code recurrence} holds RFC 5545 RRULE,
 * EXRULE, RDATE and EXDATE lines (anything else is 400), a recurring event needs {@code start.timeZone}, and its
 * occurrences are instances with id {@code <eventId>_<original start, UTC basic form>}, {@code recurringEventId}
 * and {@code originalStartTime}. Expansion uses ical4j's Recur (RRULE and EXDATE; RDATE and EXRULE are not
 * expanded by this fake).
 */
final class FakeRecurrence {

    private static final DateTimeFormatter BASIC_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BASIC_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** How far ahead instances are listed (the fake's bound; Google lists open-ended series page by page). */
    private static final Duration SPAN = Duration.ofDays(3 * 366);

    private FakeRecurrence() {}

    /** Google's 400 message for a body whose recurrence it refuses, or null when it is acceptable. */
    static String invalid(JsonObject body) {
        if (!body.has("recurrence")) {
            return null;
        }
        for (JsonElement line : body.getAsJsonArray("recurrence")) {
            String text = line.getAsString();
            if (!(text.startsWith("RRULE:") || text.startsWith("EXRULE:") || text.startsWith("RDATE")
                    || text.startsWith("EXDATE"))) {
                return "Invalid recurrence rule.";
            }
        }
        JsonObject start = body.getAsJsonObject("start");
        if (start == null || !start.has("timeZone")) {
            return "Missing time zone definition for start time.";
        }
        return null;
    }

    /** The instance an id names ({@code <masterId>_<utc>}) when its master is a recurring event, else null. */
    static JsonObject instanceOf(FakeCalendar calendar, String instanceId) {
        int underscore = instanceId.lastIndexOf('_');
        if (underscore < 0) {
            return null;
        }
        FakeCalendar.Stored master = calendar.get(instanceId.substring(0, underscore));
        if (master == null || !master.json().has("recurrence")) {
            return null;
        }
        return instances(calendar, master.json(), null).stream()
                .filter(i -> i.get("id").getAsString().equals(instanceId)).findFirst().orElse(null);
    }

    /** The occurrences of {@code master} (overridden ones as stored), or only the one at {@code originalStart}. */
    static List<JsonObject> instances(FakeCalendar calendar, JsonObject master, String originalStart) {
        JsonObject start = master.getAsJsonObject("start");
        ZoneId zone = ZoneId.of(start.get("timeZone").getAsString());
        ZonedDateTime seed = OffsetDateTime.parse(start.get("dateTime").getAsString()).atZoneSameInstant(zone);
        Duration length = Duration.between(seed.toInstant(),
                OffsetDateTime.parse(master.getAsJsonObject("end").get("dateTime").getAsString()).toInstant());
        Set<Instant> excluded = new HashSet<>();
        List<ZonedDateTime> dates = new ArrayList<>();
        for (JsonElement line : master.getAsJsonArray("recurrence")) {
            String text = line.getAsString();
            if (text.startsWith("RRULE:")) {
                Recur<ZonedDateTime> recur = new Recur<>(text.substring("RRULE:".length()));
                dates.addAll(recur.getDates(seed, seed, seed.plus(SPAN)));
            } else if (text.startsWith("EXDATE")) {
                String[] nameAndValue = text.split(":", 2);
                ZoneId exZone = nameAndValue[0].contains("TZID=")
                        ? ZoneId.of(nameAndValue[0].substring(nameAndValue[0].indexOf("TZID=") + 5).split(";")[0])
                        : ZoneOffset.UTC;
                for (String value : nameAndValue[1].split(",")) {
                    excluded.add(value.endsWith("Z") ? Instant.from(BASIC_UTC.parse(value))
                            : LocalDateTime.parse(value, BASIC_LOCAL).atZone(exZone).toInstant());
                }
            }
        }
        Instant wanted = originalStart == null ? null : OffsetDateTime.parse(originalStart).toInstant();
        String masterId = master.get("id").getAsString();
        List<JsonObject> result = new ArrayList<>();
        for (ZonedDateTime date : dates) {
            Instant at = date.toInstant();
            if (excluded.contains(at) || (wanted != null && !wanted.equals(at))) {
                continue;
            }
            String id = masterId + "_" + BASIC_UTC.format(at);
            FakeCalendar.Stored overridden = calendar.get(id);
            if (overridden != null) {
                result.add(overridden.json());
                continue;
            }
            JsonObject instance = master.deepCopy();
            instance.remove("recurrence");
            instance.addProperty("id", id);
            instance.addProperty("recurringEventId", masterId);
            instance.add("originalStartTime", dateTime(at, zone));
            instance.add("start", dateTime(at, zone));
            instance.add("end", dateTime(at.plus(length), zone));
            result.add(instance);
        }
        return result;
    }

    private static JsonObject dateTime(Instant at, ZoneId zone) {
        JsonObject json = new JsonObject();
        json.addProperty("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)));
        json.addProperty("timeZone", zone.getId());
        return json;
    }
}

package app.spotter.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The trainer's stored busy times as {@code GET /api/v1/busy} answers them, for comparing with a calendar. */
public final class BusyTimesApi {

    private BusyTimesApi() {}

    /** Each interval as "start/end" in UTC instants, in the answer's order. */
    public static List<String> busy(ApiClient api, Instant from, Instant to) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/busy?from=" + enc(from) + "&to=" + enc(to)).json().forEach(b -> out.add(
                OffsetDateTime.parse(b.get("starts_at").stringValue()).toInstant() + "/"
                        + OffsetDateTime.parse(b.get("ends_at").stringValue()).toInstant()));
        return out;
    }

    private static String enc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+", "%2B");
    }
}

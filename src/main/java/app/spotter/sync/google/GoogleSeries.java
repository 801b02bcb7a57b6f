package app.spotter.sync.google;

import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RecurrenceRules;
import com.google.api.services.calendar.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * A Google recurring event read as a {@link RemoteSeries}: the master's {@code recurrence} lines are RFC 5545 RRULE
 * and EXDATE text; an occurrence moved or deleted on its own is an instance exception with its own id,
 * {@code originalStartTime} (the start the rule gave it, as RECURRENCE-ID in RFC 5545 3.8.4.4) and, when deleted,
 * {@code status: cancelled} (events resource). Pure: the requests are the provider's.
 */
final class GoogleSeries {

    private static final DateTimeFormatter BASIC_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BASIC_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private GoogleSeries() {}

    /**
     * The series, or empty when Spotter cannot read it occurrence by occurrence (an RDATE or EXRULE, no RRULE, an
     * all-day or floating exclusion): then it is decided as one event (put back).
     *
     * @param instances every instance events.instances lists with showDeleted (cancelled exceptions too)
     */
    static Optional<RemoteSeries> of(Event master, Instant start, Instant end, List<Event> instances) {
        RemoteSeries.Rule rule = null;
        Set<Instant> exdates = new HashSet<>();
        for (String line : master.getRecurrence()) {
            if (line.startsWith("RRULE:") && rule == null) {
                Optional<RemoteSeries.Rule> read = RecurrenceRules.of(new Recur<>(line.substring("RRULE:".length())));
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                rule = read.get();
            } else if (line.startsWith("EXDATE")) {
                if (!exdates(line, exdates)) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        if (rule == null) {
            return Optional.empty();
        }
        Duration length = Duration.between(start, end);
        Map<Instant, RemoteSeries.Occurrence> overrides = new HashMap<>();
        for (Event instance : instances) {
            Instant original = instant(instance.getOriginalStartTime());
            if (original == null) {
                continue;
            }
            if ("cancelled".equals(instance.getStatus())) {
                overrides.put(original, new RemoteSeries.Occurrence(original, original.plus(length), true));
                continue;
            }
            Instant at = instant(instance.getStart());
            Instant until = instant(instance.getEnd());
            if (at == null || until == null) {
                return Optional.empty(); // made all-day there: not a time Spotter can take
            }
            if (!at.equals(original) || !until.equals(original.plus(length))) {
                overrides.put(original, new RemoteSeries.Occurrence(at, until, false));
            }
        }
        return Optional.of(new RemoteSeries(rule, exdates, overrides));
    }

    /**
     * One version tag for the series as a whole: Google gives the master and each instance an etag of its own, and
     * a change of one instance leaves the master's alone. So Spotter keeps the master's etag (what If-Match needs)
     * followed by a digest of every instance's, and a change anywhere in the series reads as a change, while
     * Spotter's own write reads back as exactly what it stored (an echo).
     */
    static String etag(String masterEtag, List<Event> instances) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            instances.stream().sorted(Comparator.comparing(Event::getId)).forEach(i -> digest.update(
                    (i.getId() + "=" + i.getEtag() + "\n").getBytes(StandardCharsets.UTF_8)));
            return masterEtag + "|" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The master's own etag out of {@link #etag}: what Google compares an If-Match with. */
    static String masterEtag(String etag) {
        if (etag == null) {
            return null;
        }
        int bar = etag.indexOf('|');
        return bar < 0 ? etag : etag.substring(0, bar);
    }

    static Instant instant(com.google.api.services.calendar.model.EventDateTime time) {
        if (time == null || time.getDateTime() == null || time.getDateTime().isDateOnly()) {
            return null;
        }
        return Instant.ofEpochMilli(time.getDateTime().getValue());
    }

    /** EXDATE (RFC 5545 3.8.5.1) in UTC or with TZID; false for a date or floating value. */
    private static boolean exdates(String line, Set<Instant> into) {
        String[] nameAndValue = line.split(":", 2);
        if (nameAndValue.length < 2 || nameAndValue[0].contains("VALUE=DATE")) {
            return false;
        }
        int tzid = nameAndValue[0].indexOf("TZID=");
        ZoneId zone;
        try {
            zone = tzid < 0 ? null : ZoneId.of(nameAndValue[0].substring(tzid + 5).split(";")[0]);
        } catch (java.time.DateTimeException e) {
            return false;
        }
        for (String value : nameAndValue[1].split(",")) {
            try {
                if (value.endsWith("Z")) {
                    into.add(Instant.from(BASIC_UTC.parse(value)));
                } else if (zone != null) {
                    into.add(LocalDateTime.parse(value, BASIC_LOCAL).atZone(zone).toInstant());
                } else {
                    return false;
                }
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }
        return true;
    }
}

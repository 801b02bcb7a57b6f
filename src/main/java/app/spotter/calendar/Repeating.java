package app.spotter.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What makes a {@link CalendarEvent} a series (RFC 5545 3.8.5): the weekly rule, the occurrences it no longer has
 * (EXDATE: cancelled, deleted or skipped sessions) and the occurrences that differ from the rule (RECURRENCE-ID
 * overrides: a moved or edited session). The event itself is the series' first occurrence (DTSTART).
 *
 * @param until the start of the last occurrence (UNTIL, written in UTC as RFC 5545 3.3.10 requires with a local
 *     DTSTART), or null
 * @param count COUNT, or null; never both
 */
public record Repeating(int intervalWeeks, List<DayOfWeek> days, Instant until, Integer count, List<Instant> exdates,
        List<Override> overrides) {

    /** One occurrence as it is now, known by the start the rule gave it. */
    public record Override(Instant recurrenceId, CalendarEvent event) {}

    public Repeating {
        days = List.copyOf(days);
        exdates = exdates.stream().sorted().distinct().toList();
        overrides = overrides.stream().sorted(java.util.Comparator.comparing(Override::recurrenceId)).toList();
        if (until != null && count != null) {
            throw new IllegalArgumentException("UNTIL and COUNT are exclusive (RFC 5545 3.3.10)");
        }
    }

    Repeating withoutColor() {
        return new Repeating(intervalWeeks, days, until, count, exdates,
                overrides.stream().map(o -> new Override(o.recurrenceId(), o.event().withoutColor())).toList());
    }

    /** Everything a calendar shows of the rule and its exceptions, in a stable order (for content hashes). */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        s.append(intervalWeeks).append('|').append(days).append('|').append(until).append('|').append(count)
                .append('|').append(exdates);
        for (Override o : overrides) {
            CalendarEvent e = o.event();
            s.append('|').append(o.recurrenceId()).append('>').append(e.start()).append('/').append(e.end())
                    .append('/').append(e.summary()).append('/').append(Objects.toString(e.location(), ""))
                    .append('/').append(Objects.toString(e.colorHex(), "")).append('/').append(e.sessionType());
        }
        return s.toString();
    }
}

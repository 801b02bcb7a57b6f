package app.spotter.sync;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a calendar holds of a repeating event beyond its master's time (RFC 5545 3.8.5): the rule, the occurrences
 * it excludes (EXDATE, 3.8.5.1) and the occurrences that differ from the rule (RECURRENCE-ID overrides, 3.8.4.4),
 * each known by the start the rule gives it. Enough to tell a moved or deleted occurrence from a changed rule.
 *
 * @param rule the master's RRULE
 * @param exdates every excluded occurrence start
 * @param overrides each overridden occurrence (by the start the rule gives it) as it is there
 */
public record RemoteSeries(Rule rule, Set<Instant> exdates, Map<Instant, Occurrence> overrides) {

    public RemoteSeries {
        exdates = Set.copyOf(exdates);
        overrides = Map.copyOf(overrides);
    }

    /**
     * A recurrence rule in the terms Spotter writes one (weekly, on some days), compared by meaning, not by text:
     * clients write the same rule with other part orders or an explicit {@code INTERVAL=1}.
     *
     * @param frequency {@code FREQ} as written (WEEKLY, DAILY, ...)
     * @param until {@code UNTIL} as an instant, or null
     * @param count {@code COUNT}, or null
     * @param other any part Spotter never writes (BYMONTH, BYSETPOS, WKST other than the default, ...), as text;
     *     empty when there is none
     */
    public record Rule(String frequency, int interval, Set<DayOfWeek> days, Instant until, Integer count,
            String other) {

        public Rule {
            days = Set.copyOf(days);
        }
    }

    /**
     * One overridden occurrence.
     *
     * @param cancelled {@code STATUS:CANCELLED} on the override: the occurrence was deleted there
     */
    public record Occurrence(Instant start, Instant end, boolean cancelled) {}
}

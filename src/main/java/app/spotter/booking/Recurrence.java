package app.spotter.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A weekly rule: every {@code interval} weeks on {@code days}, ending on {@code until} (inclusive), after
 * {@code count} occurrences, or never. The same rule an RRULE with FREQ=WEEKLY, INTERVAL, BYDAY and UNTIL or COUNT
 * expresses (RFC 5545 3.3.10), expanded the same way: weeks start on Monday (WKST default), the first week is the
 * one holding the start date, and COUNT counts occurrences before any exclusion (RFC 5545 3.8.5.1).
 */
public record Recurrence(int interval, Set<DayOfWeek> days, LocalDate until, Integer count) {

    public Recurrence {
        if (interval < 1 || interval > 52) {
            throw new IllegalArgumentException("interval must be 1 to 52 weeks");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a series repeats on at least one day");
        }
        if (until != null && count != null) {
            throw new IllegalArgumentException("give until or count, not both");
        }
        if (count != null && (count < 1 || count > 1000)) {
            throw new IllegalArgumentException("count must be 1 to 1000");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean openEnded() {
        return until == null && count == null;
    }

    public Recurrence withUntil(LocalDate newUntil) {
        return new Recurrence(interval, days, newUntil, null);
    }

    /** The days in week order (Monday first), as BYDAY lists them. */
    public List<DayOfWeek> daysInOrder() {
        return List.copyOf(EnumSet.copyOf(days));
    }

    /** The first date on or after {@code from} that is one of the days: a series' first session (its DTSTART). */
    public LocalDate firstDate(LocalDate from) {
        LocalDate date = from;
        while (!days.contains(date.getDayOfWeek())) {
            date = date.plusDays(1);
        }
        return date;
    }

    /**
     * The occurrences' start instants, in order, from {@code startDate} (itself an occurrence) up to but excluding
     * {@code before}. The local time is placed in {@code zone} the way RFC 5545 3.3.5 reads a local time: in a gap
     * (clocks forward) it moves forward by the gap, in an overlap (clocks back) it is the first of the two; that is
     * what {@link ZonedDateTime#of} does, so every reader sees the same instants.
     */
    public List<Instant> starts(LocalDate startDate, LocalTime time, ZoneId zone, Instant before) {
        Objects.requireNonNull(before, "before");
        List<Instant> result = new ArrayList<>();
        LocalDate weekStart = startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<DayOfWeek> ordered = daysInOrder();
        int produced = 0;
        while (true) {
            for (DayOfWeek day : ordered) {
                LocalDate date = weekStart.plusDays(day.getValue() - 1L);
                if (date.isBefore(startDate)) {
                    continue;
                }
                if (until != null && date.isAfter(until)) {
                    return result;
                }
                if (count != null && produced >= count) {
                    return result;
                }
                Instant start = ZonedDateTime.of(date, time, zone).toInstant();
                if (!start.isBefore(before)) {
                    return result;
                }
                result.add(start);
                produced++;
            }
            weekStart = weekStart.plus(interval, ChronoUnit.WEEKS);
        }
    }

    /** The last occurrence's date, or null for an open-ended rule. */
    public LocalDate lastDate(LocalDate startDate, LocalTime time, ZoneId zone) {
        if (until != null) {
            return until;
        }
        if (count == null) {
            return null;
        }
        List<Instant> all = starts(startDate, time, zone, Instant.MAX);
        return all.getLast().atZone(zone).toLocalDate();
    }
}

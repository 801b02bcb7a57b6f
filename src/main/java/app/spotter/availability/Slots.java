package app.spotter.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Free start times: a pure function of working hours, the trainer's zone and what is blocked. Days are walked in
 * the trainer's zone, so a range means the same wall-clock hours on both sides of a DST change; within a range,
 * candidates are {@code step} apart in real time from the range's start.
 */
final class Slots {

    /**
     * @param from first start offered (inclusive)
     * @param to starts are before this
     * @param earliest nothing starts before this (now plus the minimum notice)
     */
    record Query(WorkingHours hours, ZoneId zone, Instant from, Instant to, Duration duration, Duration step,
            Instant earliest) {}

    private Slots() {}

    /** @param blocked sessions (already widened by the buffer), busy times and time off, in any order */
    static List<ZonedDateTime> free(Query q, List<Interval> blocked) {
        List<Interval> merged = merge(blocked);
        Instant notBefore = q.from().isAfter(q.earliest()) ? q.from() : q.earliest();
        List<ZonedDateTime> slots = new ArrayList<>();
        LocalDate last = q.to().atZone(q.zone()).toLocalDate();
        for (LocalDate day = q.from().atZone(q.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (WorkingHours.Range range : q.hours().on(day.getDayOfWeek())) {
                Instant rangeStart = day.atTime(range.from()).atZone(q.zone()).toInstant();
                Instant rangeEnd = day.atTime(range.to()).atZone(q.zone()).toInstant();
                for (Instant start = rangeStart; !start.plus(q.duration()).isAfter(rangeEnd);
                        start = start.plus(q.step())) {
                    if (start.isBefore(notBefore) || !start.isBefore(q.to())) {
                        continue;
                    }
                    if (isFree(merged, start, start.plus(q.duration()))) {
                        slots.add(start.atZone(q.zone()));
                    }
                }
            }
        }
        return slots;
    }

    /** Sorted, overlapping and touching intervals joined: a binary search then finds the one that matters. */
    static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        Collections.sort(sorted);
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            if (!merged.isEmpty() && !i.start().isAfter(merged.getLast().end())) {
                Interval lastOne = merged.removeLast();
                merged.add(new Interval(lastOne.start(), lastOne.end().isAfter(i.end()) ? lastOne.end() : i.end()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    private static boolean isFree(List<Interval> merged, Instant start, Instant end) {
        // the first merged interval ending after start is the only one that can overlap [start, end)
        int lo = 0;
        int hi = merged.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (merged.get(mid).end().isAfter(start)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == merged.size() || !merged.get(lo).start().isBefore(end);
    }
}

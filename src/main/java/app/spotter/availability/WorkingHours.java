package app.spotter.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the trainer works, in wall-clock time of their zone: ranges per weekday (several a day, e.g. 06:00-12:00
 * and 15:00-19:00), the buffer kept free around sessions, and how much notice a slot needs.
 *
 * @param allDayEventsBusy whether all-day events in busy calendars block (off by default: a birthday is not busy)
 * @param busyShowsProvider the trainer's consent to show which service a busy time comes from on the calendar
 *     ("Busy (iCloud)"); off by default. Never a title: none is stored.
 */
public record WorkingHours(Map<DayOfWeek, List<Range>> weekly, int bufferMinutes, int minNoticeMinutes,
        boolean allDayEventsBusy, boolean busyShowsProvider) {

    public WorkingHours(Map<DayOfWeek, List<Range>> weekly, int bufferMinutes, int minNoticeMinutes,
            boolean allDayEventsBusy) {
        this(weekly, bufferMinutes, minNoticeMinutes, allDayEventsBusy, false);
    }

    /** A range of one day's wall-clock time, {@code from} before {@code to}. */
    public record Range(LocalTime from, LocalTime to) {
        public Range {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a range ends after it starts");
            }
        }
    }

    public static final WorkingHours NONE = new WorkingHours(Map.of(), 0, 0, false);

    public WorkingHours {
        Map<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(day, ranges.stream().sorted(java.util.Comparator.comparing(Range::from)).toList());
            }
        });
        weekly = java.util.Collections.unmodifiableMap(copy);
    }

    /** No hours set yet: every time counts as working time (no warnings), and slots have nothing to offer. */
    public boolean configured() {
        return !weekly.isEmpty();
    }

    public List<Range> on(DayOfWeek day) {
        return weekly.getOrDefault(day, List.of());
    }

    /**
     * Whether [start, end) lies within one working range of the day it starts on, read in {@code zone}. Compared as
     * wall-clock times, so a range means the same hours on either side of a DST change.
     */
    public boolean covers(ZonedDateTime start, ZonedDateTime end, ZoneId zone) {
        ZonedDateTime s = start.withZoneSameInstant(zone);
        ZonedDateTime e = end.withZoneSameInstant(zone);
        for (Range r : on(s.getDayOfWeek())) {
            ZonedDateTime rangeStart = s.toLocalDate().atTime(r.from()).atZone(zone);
            ZonedDateTime rangeEnd = s.toLocalDate().atTime(r.to()).atZone(zone);
            if (!s.isBefore(rangeStart) && !e.isAfter(rangeEnd)) {
                return true;
            }
        }
        return false;
    }
}

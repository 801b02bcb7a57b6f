package app.spotter.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a new series (or a horizon extension) does with its occurrences, given which of them clash with the
 * trainer's other sessions. Pure: the caller looks the clashes up and applies the answer. A clash is never dropped
 * silently: it either refuses the whole series or is listed as skipped.
 */
final class SeriesPlan {

    /** An occurrence that cannot be booked, and why (e.g. "overlaps 1:1 session 06:00-07:00"). */
    record Clash(Instant startsAt, String reason) {}

    sealed interface Decision {
        /** Nothing is created; every clashing date is named. */
        record Refuse(List<Clash> clashes) implements Decision {}

        /** These occurrences become bookings; the skipped ones are recorded on the series. */
        record Create(List<Instant> starts, List<Clash> skipped) implements Decision {}
    }

    private SeriesPlan() {}

    /**
     * @param starts the occurrences in the horizon, in order
     * @param clashes those of them that overlap something (any order)
     * @param skipConflicts the trainer asked to leave clashing dates out
     */
    static Decision decide(List<Instant> starts, List<Clash> clashes, boolean skipConflicts) {
        if (starts.isEmpty()) {
            return new Decision.Refuse(List.of());
        }
        List<Clash> ordered = clashes.stream().sorted(java.util.Comparator.comparing(Clash::startsAt)).toList();
        if (!ordered.isEmpty() && !skipConflicts) {
            return new Decision.Refuse(ordered);
        }
        List<Instant> free = new ArrayList<>(starts.size());
        var clashing = ordered.stream().map(Clash::startsAt).collect(java.util.stream.Collectors.toSet());
        for (Instant start : starts) {
            if (!clashing.contains(start)) {
                free.add(start);
            }
        }
        if (free.isEmpty()) {
            // every date clashes: a series with no session is no series
            return new Decision.Refuse(ordered);
        }
        return new Decision.Create(free, ordered);
    }

    /** A horizon extension is unattended: clashes are always skipped (and recorded), never fatal. */
    static Decision.Create extend(List<Instant> starts, List<Clash> clashes) {
        var clashing = clashes.stream().map(Clash::startsAt).collect(java.util.stream.Collectors.toSet());
        return new Decision.Create(starts.stream().filter(s -> !clashing.contains(s)).toList(),
                clashes.stream().sorted(java.util.Comparator.comparing(Clash::startsAt)).toList());
    }
}

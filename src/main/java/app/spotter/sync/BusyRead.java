package app.spotter.sync;

import java.time.Instant;
import java.util.List;

/**
 * The busy intervals of one calendar in a window, and the version they were read at. Times only: titles,
 * attendees and descriptions are never carried out of the adapter (POPIA minimality).
 */
public record BusyRead(String version, List<Busy> intervals) {

    public BusyRead {
        intervals = List.copyOf(intervals);
    }

    /** @param allDay a date-valued event: blocks only when the trainer counts all-day events as busy */
    public record Busy(Instant start, Instant end, boolean allDay) {}
}

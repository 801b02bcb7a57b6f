package app.spotter.sync.engine;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.Repeating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A series as one calendar shows it while some of its sessions were deleted there and wait for the trainer's
 * choice: those occurrences are excluded (EXDATE, RFC 5545 3.8.5.1) in that calendar only, so Spotter's next write
 * does not bring them back behind the trainer's back.
 */
final class OccurrencesOut {

    private OccurrencesOut() {}

    static CalendarEvent without(CalendarEvent series, Set<Instant> occurrences) {
        if (series == null || series.repeating() == null || occurrences.isEmpty()) {
            return series;
        }
        Repeating r = series.repeating();
        List<Instant> exdates = new ArrayList<>(r.exdates());
        exdates.addAll(occurrences);
        List<Repeating.Override> overrides = r.overrides().stream()
                .filter(o -> !occurrences.contains(o.recurrenceId())).toList();
        return new CalendarEvent(series.bookingId(), series.trainerId(), series.clientId(), series.uid(),
                series.summary(), series.sessionType(), series.location(), series.start(), series.end(),
                series.zone(), series.colorHex(), series.sequence(), series.cancelled(), series.clientIds(),
                new Repeating(r.intervalWeeks(), r.days(), r.until(), r.count(), exdates, overrides));
    }
}

package app.spotter.sync.caldav;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.Repeating;
import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RemoteSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a series object read from the server shows the series Spotter is writing: the same time, title, rule,
 * exclusions and overrides (by occurrence). A 412 that finds anything else found a change made there.
 */
final class SeriesMatch {

    private SeriesMatch() {}

    static boolean shows(RemoteSnapshot there, CalendarEvent series) {
        Repeating r = series.repeating();
        RemoteSeries s = there.series();
        if (s == null || !there.start().equals(series.start()) || !there.end().equals(series.end())
                || !Objects.equals(there.summary(), series.summary())) {
            return false;
        }
        // Spotter writes weekly rules only (calendar.SeriesComponents)
        RemoteSeries.Rule rule = new RemoteSeries.Rule("WEEKLY", r.intervalWeeks(), Set.copyOf(r.days()), r.until(),
                r.count(), "");
        Map<Instant, RemoteSeries.Occurrence> overrides = r.overrides().stream().collect(Collectors.toMap(
                Repeating.Override::recurrenceId,
                o -> new RemoteSeries.Occurrence(o.event().start(), o.event().end(), false)));
        return rule.equals(s.rule()) && Set.copyOf(r.exdates()).equals(s.exdates())
                && overrides.equals(s.overrides());
    }
}

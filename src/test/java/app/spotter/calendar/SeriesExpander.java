package app.spotter.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** python3-recurring-ical-events as an independent reader of a series, for tests in other packages. */
public final class SeriesExpander {

    private SeriesExpander() {}

    /** The start instants of every occurrence in [from, to) (by UTC date), in order. */
    public static List<Instant> starts(String ics, Instant from, Instant to) throws Exception {
        return SeriesRenderingTest.expand(ics, from.atZone(ZoneOffset.UTC).toLocalDate().toString(),
                        to.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString()).stream()
                .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                .filter(i -> !i.isBefore(from) && i.isBefore(to)).toList();
    }
}

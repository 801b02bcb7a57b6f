package app.spotter.sync;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;

/**
 * An RRULE (RFC 5545 3.3.10) read into {@link RemoteSeries.Rule}, so rules are compared by meaning. Shared by the
 * calendar adapters: a CalDAV object and a Google recurring event hold the same RFC 5545 text.
 */
public final class RecurrenceRules {

    private RecurrenceRules() {}

    /** Empty when UNTIL is not an instant (a floating or date UNTIL only goes with a floating or date DTSTART). */
    public static Optional<RemoteSeries.Rule> of(Recur<?> recur) {
        Instant until = null;
        if (recur.getUntil() != null) {
            Optional<Instant> at = instant((Temporal) recur.getUntil());
            if (at.isEmpty()) {
                return Optional.empty();
            }
            until = at.get();
        }
        Set<DayOfWeek> days = new HashSet<>();
        List<String> other = new ArrayList<>();
        for (WeekDay d : recur.getDayList()) {
            if (d.getOffset() != 0) {
                other.add("BYDAY=" + d); // "the second Monday": not a weekly day
            } else {
                days.add(WeekDay.getDayOfWeek(d));
            }
        }
        addIfAny(other, "BYMONTH", recur.getMonthList());
        addIfAny(other, "BYMONTHDAY", recur.getMonthDayList());
        addIfAny(other, "BYYEARDAY", recur.getYearDayList());
        addIfAny(other, "BYWEEKNO", recur.getWeekNoList());
        addIfAny(other, "BYHOUR", recur.getHourList());
        addIfAny(other, "BYMINUTE", recur.getMinuteList());
        addIfAny(other, "BYSECOND", recur.getSecondList());
        addIfAny(other, "BYSETPOS", recur.getSetPosList());
        int interval = Math.max(1, recur.getInterval());
        // WKST changes which weeks an every-n-weeks rule picks (3.3.10); Spotter's rules use the default, Monday
        if (interval > 1 && recur.getWeekStartDay() != null && !WeekDay.MO.equals(recur.getWeekStartDay())) {
            other.add("WKST=" + recur.getWeekStartDay());
        }
        Integer count = recur.getCount() > 0 ? recur.getCount() : null;
        return Optional.of(new RemoteSeries.Rule(String.valueOf(recur.getFrequency()), interval, days, until, count,
                String.join(";", other)));
    }

    private static void addIfAny(List<String> other, String name, List<?> values) {
        if (values != null && !values.isEmpty()) {
            other.add(name + "=" + values);
        }
    }

    private static Optional<Instant> instant(Temporal t) {
        return switch (t) {
            case Instant i -> Optional.of(i);
            case java.time.ZonedDateTime z -> Optional.of(z.toInstant());
            case java.time.OffsetDateTime o -> Optional.of(o.toInstant());
            case null, default -> Optional.empty();
        };
    }
}

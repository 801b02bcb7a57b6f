package app.spotter.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.Optional;

/**
 * A tz transition rule ("last Sunday of March at 01:00 UTC") as an RFC 5545 RRULE (3.3.10). Only the forms that map
 * exactly are written, and each is checked against the JDK for 40 years; anything else gets no RRULE, and the
 * caller then writes no rule at all rather than an approximate one.
 */
final class YearlyRule {

    private static final int CHECKED_YEARS = 40;

    private YearlyRule() {}

    static Optional<String> of(ZoneOffsetTransitionRule rule, int firstYear) {
        if (rule.isMidnightEndOfDay()) {
            return Optional.empty();
        }
        Month month = rule.getMonth();
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek day = rule.getDayOfWeek();
        String recur;
        if (day == null && indicator > 0) {
            recur = "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYMONTHDAY=" + indicator;
        } else if (day != null && (indicator == -1
                || indicator + 6 == month.minLength() && month.minLength() == month.maxLength())) {
            // "Sunday on or after 25 March" is the last Sunday of March: the form every reader knows
            recur = "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYDAY=-1" + code(day);
        } else if (day != null && indicator > 0 && indicator + 6 <= month.minLength()) {
            StringBuilder days = new StringBuilder();
            for (int d = indicator; d <= indicator + 6; d++) {
                days.append(d == indicator ? "" : ",").append(d);
            }
            recur = "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYDAY=" + code(day) + ";BYMONTHDAY=" + days;
        } else {
            return Optional.empty();
        }
        // the onset is written in local time before the change; a rule defined in UTC or standard time can land on
        // another date locally, which no BYDAY expresses: keep only rules whose local onsets this RRULE reproduces
        LocalDateTime onset = rule.createTransition(firstYear).getDateTimeBefore();
        for (int year = firstYear; year < firstYear + CHECKED_YEARS; year++) {
            LocalDateTime expected = rule.createTransition(year).getDateTimeBefore();
            LocalDate date = expand(month, indicator, day, year);
            if (!expected.equals(date.atTime(onset.toLocalTime()))) {
                return Optional.empty();
            }
        }
        return Optional.of(recur);
    }

    /** The date the RRULE above yields in {@code year}. */
    private static LocalDate expand(Month month, int indicator, DayOfWeek day, int year) {
        if (day == null) {
            return LocalDate.of(year, month, indicator);
        }
        if (indicator == -1 || indicator + 6 == month.minLength() && month.minLength() == month.maxLength()) {
            LocalDate last = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
            while (last.getDayOfWeek() != day) {
                last = last.minusDays(1);
            }
            return last;
        }
        LocalDate date = LocalDate.of(year, month, indicator);
        while (date.getDayOfWeek() != day) {
            date = date.plusDays(1);
        }
        return date;
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}

package app.spotter.web;

import app.spotter.booking.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A series' rule in one plain en-ZA sentence: "Every Mon and Thu at 06:00 until 30 Jun". The same words in the
 * booking dialog (as the trainer fills in "Repeats"), in the session dialog of a series and in the toast.
 */
final class SeriesSummary {

    private static final Locale EN_ZA = Locale.forLanguageTag("en-ZA");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", EN_ZA);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", EN_ZA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SeriesSummary() {}

    /**
     * @param firstDate the first session's date: an end date in the same year is said without its year
     * @param time the sessions' local start time
     */
    static String of(Recurrence rule, LocalDate firstDate, LocalTime time) {
        StringBuilder text = new StringBuilder("Every ");
        String days = rule.days().size() == 7 ? "day" : list(rule.daysInOrder());
        if (rule.interval() > 1) {
            text.append(rule.interval()).append(" weeks on ").append(rule.days().size() == 7 ? "every day" : days);
        } else {
            text.append(days);
        }
        text.append(" at ").append(TIME.format(time));
        if (rule.until() != null) {
            text.append(" until ").append((rule.until().getYear() == firstDate.getYear() ? DAY_MONTH : DAY_MONTH_YEAR)
                    .format(rule.until()));
        } else if (rule.count() != null) {
            text.append(", ").append(rule.count()).append(rule.count() == 1 ? " session" : " sessions");
        } else {
            text.append(", no end date");
        }
        return text.toString();
    }

    /** "Mon", "Mon and Thu", "Mon, Wed and Fri". */
    private static String list(List<DayOfWeek> days) {
        List<String> names = days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, EN_ZA)).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}

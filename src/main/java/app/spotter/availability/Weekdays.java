package app.spotter.availability;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Optional;

/** The API's weekday codes, RFC 5545's BYDAY spelling: MO, TU, WE, TH, FR, SA, SU. */
final class Weekdays {

    private static final String[] CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private Weekdays() {}

    static String code(DayOfWeek day) {
        return CODES[day.ordinal()];
    }

    static Optional<DayOfWeek> day(String code) {
        int i = Arrays.asList(CODES).indexOf(code);
        return i < 0 ? Optional.empty() : Optional.of(DayOfWeek.values()[i]);
    }
}

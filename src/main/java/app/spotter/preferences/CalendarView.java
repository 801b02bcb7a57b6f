package app.spotter.preferences;

import java.util.Arrays;
import java.util.Optional;

/** The view the trainer's calendar opens on. */
public enum CalendarView {
    MONTH, WEEK, DAY, LIST;

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<CalendarView> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }
}

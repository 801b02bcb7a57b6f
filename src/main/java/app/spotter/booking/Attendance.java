package app.spotter.booking;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How one participant's session went, as the trainer marks it (or a late cancellation marks it). */
public enum Attendance {
    ATTENDED, NO_SHOW, LATE_CANCEL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Attendance> fromValue(String value) {
        return Arrays.stream(values()).filter(a -> a.value().equals(value)).findFirst();
    }
}

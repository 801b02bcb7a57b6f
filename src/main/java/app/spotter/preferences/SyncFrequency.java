package app.spotter.preferences;

import java.util.Arrays;
import java.util.Optional;

/** How soon a change is pushed: realtime (now), hourly or daily (batched at the next slot), manual ("sync now"). */
public enum SyncFrequency {
    REALTIME, HOURLY, DAILY, MANUAL;

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<SyncFrequency> fromValue(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst();
    }
}

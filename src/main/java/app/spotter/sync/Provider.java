package app.spotter.sync;

import java.util.Arrays;
import java.util.Optional;

/** The calendars Spotter keeps in step; the wire value is the seed's {@code provider} column. */
public enum Provider {
    GOOGLE("google"),
    APPLE("apple"),
    EMAIL("email");

    private final String value;

    Provider(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Provider> fromValue(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}

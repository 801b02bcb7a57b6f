package app.spotter.booking;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of session a trainer books; the wire value is the seed's vocabulary. */
public enum SessionType {
    ONE_ON_ONE("one_on_one", "1:1 session"),
    GROUP("group", "Group session"),
    ASSESSMENT("assessment", "Assessment"),
    ONLINE("online", "Online session"),
    CONSULTATION("consultation", "Consultation");

    private final String value;
    private final String label;

    SessionType(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    /** What a trainer reads in a calendar, e.g. "1:1 session". */
    public String label() {
        return label;
    }

    /** How many clients a session of this type holds unless the booking says otherwise. */
    public int defaultCapacity() {
        return this == GROUP ? 8 : 1;
    }

    public static Optional<SessionType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}

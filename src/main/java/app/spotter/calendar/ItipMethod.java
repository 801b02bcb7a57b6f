package app.spotter.calendar;

import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/** The iTIP methods Spotter sends by email (RFC 5546 3.2.2, 3.2.5); the MIME {@code method=} parameter must match. */
public enum ItipMethod {
    REQUEST(ImmutableMethod.REQUEST),
    CANCEL(ImmutableMethod.CANCEL);

    private final Method property;

    ItipMethod(Method property) {
        this.property = property;
    }

    /** The value for {@code Content-Type: text/calendar; method=...} (RFC 6047 2.4). */
    public String mimeParameter() {
        return name();
    }

    Method property() {
        return property;
    }
}

package app.spotter.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Cn;

/** mailto: calendar user addresses (RFC 5545 3.3.3) and their CN parameters. */
final class CalendarAddresses {

    // deliberately plain: one @, no whitespace, controls, quotes or angle brackets that would break a mailto URI
    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cntrl}@<>\"]+@[^\\s\\p{Cntrl}@<>\"]+");

    private CalendarAddresses() {}

    static void requireEmail(String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
    }

    static URI mailto(String email) {
        try {
            return new URI("mailto", email, null); // the URI constructor percent-encodes what needs it
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an email address: " + email, e);
        }
    }

    /** CN when there is a name to show, else no parameters. */
    static ParameterList commonName(String name) {
        ParameterList parameters = new ParameterList();
        if (name != null && !Texts.parameter(name).isEmpty()) {
            parameters = parameters.add(new Cn(Texts.parameter(name)));
        }
        return parameters;
    }
}

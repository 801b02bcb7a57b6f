package app.spotter.trainer;

import app.spotter.support.web.JsonFields;
import app.spotter.support.web.Zones;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A validated sign-up: the rules the API and the browser app's sign-up form share. */
public record SignUpRequest(String name, String email, String password, ZoneId timezone) {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Override
    public String toString() {
        return "SignUpRequest[" + name + ", " + email + ", password=***, " + timezone + "]";
    }

    /** @throws app.spotter.support.web.ApiProblem listing every invalid field */
    public static SignUpRequest read(JsonNode body) {
        var fields = JsonFields.of(body, Set.of("name", "email", "password", "timezone"));
        String name = fields.text("name", true, 200);
        String email = fields.text("email", true, 320);
        String password = fields.text("password", true, 200);
        String zone = fields.text("timezone", false, 100);
        if (email != null && !EMAIL.matcher(email).matches()) {
            fields.reject("email", "must be an email address");
        }
        if (password != null) {
            PasswordRules.weakness(password, name, email).ifPresent(reason -> fields.reject("password", reason));
        }
        if (zone != null && !Zones.isRegion(zone)) {
            fields.reject("timezone", "must be an IANA time zone such as Africa/Johannesburg");
        }
        fields.validate();
        return new SignUpRequest(name, email, password, zone == null ? Zones.DEFAULT : ZoneId.of(zone));
    }
}

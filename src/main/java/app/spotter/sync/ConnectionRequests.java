package app.spotter.sync;

import app.spotter.support.web.JsonFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The rules for connection bodies, shared by the API and the browser app's connect forms. */
public final class ConnectionRequests {

    /** Where an Apple connection without a server address goes. */
    public static final String ICLOUD = "https://caldav.icloud.com/";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public record Apple(String username, String appPassword, URI serverUrl, String calendarName) {
        @Override
        public String toString() {
            return "Apple[" + username + ", appPassword=***, " + serverUrl + ", " + calendarName + "]";
        }
    }

    public record Email(String trainerAddress, boolean sendToClients) {}

    private ConnectionRequests() {}

    /** @throws app.spotter.support.web.ApiProblem listing every invalid field */
    public static Apple apple(JsonNode body) {
        var fields = JsonFields.of(body, Set.of("username", "app_password", "server_url", "calendar_name"));
        String username = fields.text("username", true, 320);
        String password = fields.text("app_password", true, 200);
        String server = fields.text("server_url", false, 500);
        String calendarName = fields.text("calendar_name", false, 100);
        URI serverUrl = URI.create(ICLOUD);
        if (server != null) {
            try {
                serverUrl = new URI(server);
                if (!("https".equals(serverUrl.getScheme()) || "http".equals(serverUrl.getScheme()))
                        || serverUrl.getHost() == null || serverUrl.getRawUserInfo() != null) {
                    fields.reject("server_url", "must be an http(s) URL without a username or password in it");
                }
            } catch (URISyntaxException e) {
                fields.reject("server_url", "must be an http(s) URL");
            }
        }
        fields.validate();
        return new Apple(username, password, serverUrl, calendarName == null ? "Spotter" : calendarName);
    }

    /** @throws app.spotter.support.web.ApiProblem listing every invalid field */
    public static Email email(JsonNode body) {
        var fields = JsonFields.of(body, Set.of("trainer_address", "send_to_clients"));
        String address = fields.text("trainer_address", false, 320);
        Boolean toClients = fields.bool("send_to_clients", true);
        if (address != null && !EMAIL.matcher(address).matches()) {
            fields.reject("trainer_address", "must be an email address");
        }
        fields.validate();
        return new Email(address, toClients);
    }
}

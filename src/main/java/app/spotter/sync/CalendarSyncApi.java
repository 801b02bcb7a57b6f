package app.spotter.sync;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/calendar-sync")
class CalendarSyncApi {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    record StatusView(String provider, Instant lastSync, String syncStatus, int eventsSynced, String errorMessage) {
        static StatusView of(SyncStatus s) {
            return new StatusView(s.provider().value(), s.lastSync(), s.syncStatus(), s.eventsSynced(),
                    s.errorMessage());
        }
    }

    private final CalendarSync sync;

    CalendarSyncApi(CalendarSync sync) {
        this.sync = sync;
    }

    @GetMapping("/status")
    List<StatusView> status() {
        return sync.status(CurrentTrainer.id()).stream().map(StatusView::of).toList();
    }

    @PostMapping("/sync")
    ResponseEntity<Map<String, String>> syncNow(@RequestBody(required = false) JsonNode body) {
        Optional<Provider> provider = Optional.empty();
        if (body != null && !body.isNull()) {
            var fields = JsonFields.of(body, Set.of("provider"));
            String value = fields.text("provider", false, 20);
            if (value != null) {
                provider = Provider.fromValue(value);
                if (provider.isEmpty()) {
                    fields.reject("provider", "must be one of google, apple, email");
                }
            }
            fields.validate();
        }
        try {
            sync.syncNow(CurrentTrainer.id(), provider);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unprocessable(e.getMessage() + "; connect it first.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "accepted"));
    }

    @PutMapping("/connections/apple")
    Map<String, Object> connectApple(@RequestBody JsonNode body) {
        var fields = JsonFields.of(body, Set.of("username", "app_password", "server_url", "calendar_name"));
        String username = fields.text("username", true, 320);
        String password = fields.text("app_password", true, 200);
        String server = fields.text("server_url", false, 500);
        String calendarName = fields.text("calendar_name", false, 100);
        java.net.URI serverUrl = java.net.URI.create(app.spotter.sync.caldav.AppleConnector.ICLOUD);
        if (server != null) {
            try {
                serverUrl = new java.net.URI(server);
                if (!("https".equals(serverUrl.getScheme()) || "http".equals(serverUrl.getScheme()))
                        || serverUrl.getHost() == null || serverUrl.getRawUserInfo() != null) {
                    fields.reject("server_url", "must be an http(s) URL without a username or password in it");
                }
            } catch (java.net.URISyntaxException e) {
                fields.reject("server_url", "must be an http(s) URL");
            }
        }
        fields.validate();
        String calendarUrl = sync.connectApple(CurrentTrainer.id(), username, password, serverUrl,
                calendarName == null ? "Spotter" : calendarName);
        return Map.of("provider", "apple", "calendar_url", calendarUrl, "status", SyncStatus.OK);
    }

    @PutMapping("/connections/email")
    Map<String, Object> connectEmail(@RequestBody JsonNode body) {
        var fields = JsonFields.of(body, Set.of("trainer_address", "send_to_clients"));
        String address = fields.text("trainer_address", false, 320);
        Boolean toClients = fields.bool("send_to_clients", true);
        if (address != null && !EMAIL.matcher(address).matches()) {
            fields.reject("trainer_address", "must be an email address");
        }
        fields.validate();
        sync.connectEmail(CurrentTrainer.id(), address, toClients);
        return Map.of("provider", "email", "status", SyncStatus.OK, "send_to_clients", toClients,
                "trainer_address", address == null ? "" : address);
    }

    @DeleteMapping("/connections/{provider}")
    ResponseEntity<Void> disconnect(@PathVariable String provider,
            @RequestParam(name = "remove_events", defaultValue = "false") boolean removeEvents) {
        Provider p = Provider.fromValue(provider).orElseThrow(() -> ApiProblem.notFound("The provider"));
        if (!sync.disconnect(CurrentTrainer.id(), p, removeEvents)) {
            throw ApiProblem.notFound("The " + p.value() + " connection");
        }
        return ResponseEntity.noContent().build();
    }
}

package app.spotter.sync.web;

import app.spotter.sync.ConnectionRequests;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.engine.CalendarSync;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        ConnectionRequests.Apple apple = ConnectionRequests.apple(body);
        String calendarUrl = sync.connectApple(CurrentTrainer.id(), apple.username(), apple.appPassword(),
                apple.serverUrl(), apple.calendarName());
        return Map.of("provider", "apple", "calendar_url", calendarUrl, "status", SyncStatus.OK);
    }

    @PostMapping("/connections/google")
    Map<String, String> connectGoogle() {
        return Map.of("authorization_url", sync.googleAuthorizationUrl(CurrentTrainer.id()));
    }

    @PutMapping("/connections/email")
    Map<String, Object> connectEmail(@RequestBody JsonNode body) {
        ConnectionRequests.Email email = ConnectionRequests.email(body);
        sync.connectEmail(CurrentTrainer.id(), email.trainerAddress(), email.sendToClients());
        return Map.of("provider", "email", "status", SyncStatus.OK, "send_to_clients", email.sendToClients(),
                "trainer_address", email.trainerAddress() == null ? "" : email.trainerAddress());
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

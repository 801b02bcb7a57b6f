package app.spotter.account;

import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** POPIA rights over the HTTP API: exports, client erasure, account deletion. */
@RestController
class AccountApi {

    private final AccountData data;

    AccountApi(AccountData data) {
        this.data = data;
    }

    @GetMapping("/api/v1/clients/{id}/export")
    ResponseEntity<AccountData.ClientExport> exportClient(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("client-" + id + ".json").build().toString())
                .body(data.exportClient(CurrentTrainer.id(), id));
    }

    /** Erases the client's personal information everywhere; only anonymous counts are kept. Not reversible. */
    @PostMapping("/api/v1/clients/{id}/erase")
    ResponseEntity<Void> erase(@PathVariable UUID id) {
        data.eraseClient(CurrentTrainer.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/export")
    void exportAccount(HttpServletResponse response) throws IOException {
        UUID trainerId = CurrentTrainer.id();
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("spotter-export.json").build().toString());
        data.exportAccount(trainerId, response.getOutputStream());
    }

    /** Deletes the account, confirmed with the password: 202, as calendars are emptied before the rows go. */
    @DeleteMapping("/api/v1/me")
    ResponseEntity<Map<String, String>> deleteAccount(@RequestBody JsonNode body, HttpServletRequest request) {
        var fields = JsonFields.of(body, Set.of("password"));
        String password = fields.text("password", true, 200);
        fields.validate();
        data.deleteAccount(CurrentTrainer.id(), password, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "deleting"));
    }
}

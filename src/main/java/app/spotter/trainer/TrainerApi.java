package app.spotter.trainer;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
class TrainerApi {

    record TrainerView(UUID id, String name, String email, String timezone) {
        static TrainerView of(Trainer t) {
            return new TrainerView(t.id(), t.name(), t.email(), t.timezone().getId());
        }
    }

    record TokenView(String token, UUID trainerId) {
        @Override
        public String toString() {
            return "TokenView[token=***, trainerId=" + trainerId + "]";
        }
    }

    record TokenInfoView(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
        static TokenInfoView of(Trainers.TokenInfo t) {
            return new TokenInfoView(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.expiresAt());
        }
    }

    private final Trainers trainers;

    TrainerApi(Trainers trainers) {
        this.trainers = trainers;
    }

    @PostMapping("/trainers")
    ResponseEntity<TrainerView> signUp(@RequestBody JsonNode body) {
        SignUpRequest request = SignUpRequest.read(body);
        Trainer trainer = trainers.register(request.name(), request.email(), request.password(), request.timezone());
        return ResponseEntity.status(HttpStatus.CREATED).body(TrainerView.of(trainer));
    }

    @PostMapping("/auth/tokens")
    ResponseEntity<TokenView> token(@RequestBody JsonNode body, HttpServletRequest request) {
        var fields = JsonFields.of(body, Set.of("email", "password", "name"));
        String email = fields.text("email", true, 320);
        String password = fields.text("password", true, 200);
        String name = fields.text("name", false, 100);
        fields.validate();
        UUID trainerId = trainers.authenticate(email, password, request.getRemoteAddr())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong email or password.",
                        List.of()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenView(trainers.issueToken(trainerId, name), trainerId));
    }

    /** The trainer's API tokens: ids, names and dates, never the secrets. */
    @GetMapping("/auth/tokens")
    List<TokenInfoView> tokens() {
        return trainers.tokens(CurrentTrainer.id()).stream().map(TokenInfoView::of).toList();
    }

    @DeleteMapping("/auth/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        trainers.revokeToken(CurrentTrainer.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Changes the password; every other token and browser session of the trainer ends. */
    @PostMapping("/me/password")
    ResponseEntity<Void> changePassword(@RequestBody JsonNode body, HttpServletRequest request) {
        var fields = JsonFields.of(body, Set.of("current_password", "new_password"));
        String current = fields.text("current_password", true, 200);
        String next = fields.text("new_password", true, 200);
        fields.validate();
        trainers.changePassword(CurrentTrainer.id(), current, next, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    TrainerView me() {
        return TrainerView.of(trainers.get(CurrentTrainer.id()));
    }
}

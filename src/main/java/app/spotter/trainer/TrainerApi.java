package app.spotter.trainer;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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

    record TokenView(String token, UUID trainerId) {}

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
    ResponseEntity<TokenView> token(@RequestBody JsonNode body) {
        var fields = JsonFields.of(body, Set.of("email", "password"));
        String email = fields.text("email", true, 320);
        String password = fields.text("password", true, 200);
        fields.validate();
        UUID trainerId = trainers.authenticate(email, password).orElseThrow(() -> new ApiProblem(
                HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong email or password.", java.util.List.of()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenView(trainers.issueToken(trainerId), trainerId));
    }

    @GetMapping("/me")
    TrainerView me() {
        return TrainerView.of(trainers.get(CurrentTrainer.id()));
    }
}

package app.spotter.client;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.Cursor;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/clients")
class ClientApi {

    static final Set<String> FIELDS = Set.of("first_name", "last_name", "email", "phone", "consent_given");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,40}$");

    record ClientView(UUID id, String firstName, String lastName, String email, String phone,
            Instant consentGivenAt) {
        static ClientView of(Client c) {
            return new ClientView(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(), c.consentGivenAt());
        }
    }

    private final Clients clients;

    ClientApi(Clients clients) {
        this.clients = clients;
    }

    @PostMapping
    ResponseEntity<ClientView> create(@RequestBody JsonNode body) {
        var fields = JsonFields.of(body, FIELDS);
        Client draft = read(fields, new Client(null, CurrentTrainer.id(), null, null, null, null, null), true);
        return ResponseEntity.status(HttpStatus.CREATED).body(ClientView.of(clients.create(draft)));
    }

    /** A page of at most {@link Cursor#MAX_PAGE} clients in name order; a {@code Link} header names the next. */
    @GetMapping
    ResponseEntity<List<ClientView>> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String q) {
        if (q != null && q.length() > 100) {
            throw ApiProblem.invalid("q", "must be at most 100 characters");
        }
        int size = Cursor.limit(limit);
        UUID after = null;
        if (cursor != null) {
            try {
                after = UUID.fromString(Cursor.decode(cursor, 1).getFirst());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor from a previous page");
            }
        }
        List<Client> page = clients.search(CurrentTrainer.id(), archived, q, after, size + 1);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.size() > size) {
            page = page.subList(0, size);
            answer.header(HttpHeaders.LINK, Cursor.nextLink(Cursor.encode(page.getLast().id().toString())));
        }
        return answer.body(page.stream().map(ClientView::of).toList());
    }

    @GetMapping("/{id}")
    ClientView get(@PathVariable UUID id) {
        return ClientView.of(clients.get(CurrentTrainer.id(), id));
    }

    @PatchMapping("/{id}")
    ClientView update(@PathVariable UUID id, @RequestBody JsonNode body) {
        Client current = clients.get(CurrentTrainer.id(), id);
        var fields = JsonFields.of(body, FIELDS);
        return ClientView.of(clients.update(read(fields, current, false)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        clients.delete(CurrentTrainer.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Archive: hidden from the list (GET ?archived=true shows them), everything kept; undone by unarchive. */
    @PostMapping("/{id}/archive")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        clients.archive(CurrentTrainer.id(), id, true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unarchive")
    ResponseEntity<Void> unarchive(@PathVariable UUID id) {
        clients.archive(CurrentTrainer.id(), id, false);
        return ResponseEntity.noContent().build();
    }

    record NotesView(String notes) {}

    /** The trainer's private notes about the client: shown to the trainer only, never synced or sent anywhere. */
    @GetMapping("/{id}/notes")
    NotesView notes(@PathVariable UUID id) {
        return new NotesView(clients.notes(CurrentTrainer.id(), id));
    }

    @PutMapping("/{id}/notes")
    NotesView saveNotes(@PathVariable UUID id, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, Set.of("notes"));
        String notes = fields.text("notes", false, 20_000);
        fields.validate();
        clients.saveNotes(CurrentTrainer.id(), id, notes);
        return new NotesView(notes);
    }

    /** Applies the given fields over {@code base}; on create, names are required. */
    static Client read(JsonFields fields, Client base, boolean create) {
        String first = fields.has("first_name") || create ? fields.text("first_name", true, 100) : base.firstName();
        String last = fields.has("last_name") || create ? fields.text("last_name", true, 100) : base.lastName();
        String email = fields.has("email") ? fields.text("email", false, 320) : base.email();
        String phone = fields.has("phone") ? fields.text("phone", false, 40) : base.phone();
        Boolean consent = fields.bool("consent_given", false);
        if (email != null && fields.has("email") && !EMAIL.matcher(email).matches()) {
            fields.reject("email", "must be an email address");
        }
        if (phone != null && fields.has("phone") && !PHONE.matcher(phone).matches()) {
            fields.reject("phone", "must be a phone number such as +27 82 123 4567");
        }
        fields.validate();
        Instant consentAt = consent == null ? base.consentGivenAt()
                : consent ? (base.consentGivenAt() != null ? base.consentGivenAt() : Instant.now()) : null;
        return new Client(base.id(), base.trainerId(), first, last, email, phone, consentAt);
    }
}

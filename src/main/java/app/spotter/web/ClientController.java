package app.spotter.web;

import app.spotter.client.Client;
import app.spotter.client.ClientRequest;
import app.spotter.client.Clients;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.booking.Attendance;
import app.spotter.booking.Bookings;
import app.spotter.preferences.Preferences;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The trainer's clients: list and search, add, edit, and each client's page. */
@Controller
@RequestMapping("/app/clients")
class ClientController {

    private static final Map<String, String> LABELS = Map.of("first_name", "First name", "last_name", "Last name",
            "email", "Email", "phone", "Phone", "consent_given", "Consent");

    /** Sessions listed on a client's page, before and after now. */
    static final int LISTED = 50;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
            "d MMMM yyyy", java.util.Locale.forLanguageTag("en-ZA"));

    private final Clients clients;
    private final Bookings bookings;
    private final Preferences preferences;
    private final java.time.Clock clock;

    ClientController(Clients clients, Bookings bookings, Preferences preferences, java.time.Clock clock) {
        this.clients = clients;
        this.bookings = bookings;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** Current clients in name order, or (with {@code q}) those whose name, email or phone contains it. */
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        model.addAttribute("active", "clients");
        String query = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
        model.addAttribute("q", query);
        model.addAttribute("archived", archived);
        model.addAttribute("clients", clients.search(CurrentTrainer.id(), archived, query, null, 500));
        return "clients";
    }

    /** The client's page: contact and consent, attendance counts, private notes, upcoming and past sessions. */
    @GetMapping("/{id}")
    String page(@PathVariable UUID id, Model model) {
        UUID trainerId = CurrentTrainer.id();
        Client client = clients.get(trainerId, id);
        ZoneId zone = preferences.get(trainerId).timezoneDisplay();
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime month = local.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime year = local.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
        List<ClientPage> upcoming = bookings.sessionsOf(trainerId, id, now, null, LISTED).stream()
                .map(b -> ClientPage.of(b, id, zone, now)).toList();
        List<ClientPage> past = new java.util.ArrayList<>(bookings.sessionsOf(trainerId, id,
                        now.minus(java.time.Duration.ofDays(366)), now, 10_000).stream()
                .map(b -> ClientPage.of(b, id, zone, now)).toList());
        java.util.Collections.reverse(past);
        model.addAttribute("active", "clients");
        model.addAttribute("client", client);
        model.addAttribute("archived", clients.isArchived(trainerId, id));
        model.addAttribute("consentDate", client.consentGivenAt() == null ? null
                : DAY.format(client.consentGivenAt().atZone(zone)));
        model.addAttribute("notes", clients.notes(trainerId, id));
        model.addAttribute("month", bookings.counts(trainerId, id, month.toInstant(), month.plusMonths(1).toInstant()));
        model.addAttribute("year", bookings.counts(trainerId, id, year.toInstant(), year.plusYears(1).toInstant()));
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past.subList(0, Math.min(LISTED, past.size())));
        return "client";
    }

    @PostMapping("/{id}/notes")
    String saveNotes(@PathVariable UUID id, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        if (notes != null && notes.length() > 20_000) {
            redirect.addFlashAttribute("notice", "Notes are at most 20,000 characters; nothing was saved.");
            return "redirect:/app/clients/" + id;
        }
        clients.saveNotes(CurrentTrainer.id(), id, notes);
        redirect.addFlashAttribute("notice", "Notes saved.");
        return "redirect:/app/clients/" + id;
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam boolean archived, RedirectAttributes redirect) {
        UUID trainerId = CurrentTrainer.id();
        clients.archive(trainerId, id, archived);
        redirect.addFlashAttribute("notice", clients.get(trainerId, id).displayName()
                + (archived ? " was archived." : " is back in your client list."));
        return "redirect:/app/clients/" + id;
    }

    @PostMapping("/{id}/attendance")
    String mark(@PathVariable UUID id, @RequestParam("booking_id") UUID bookingId, @RequestParam String status,
            RedirectAttributes redirect) {
        Attendance attendance = Attendance.fromValue(status)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be attended, no_show or late_cancel"));
        try {
            bookings.markAttendance(CurrentTrainer.id(), bookingId, id, attendance);
            redirect.addFlashAttribute("notice", "Attendance saved.");
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "Not saved: " + problem.getMessage());
        }
        return "redirect:/app/clients/" + id;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return formPage(model, null, new HashMap<>(), FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Client blank = new Client(null, CurrentTrainer.id(), null, null, null, null, null);
        try {
            Client created = clients.create(ClientRequest.read(body(form, false), blank));
            redirect.addFlashAttribute("notice", created.displayName() + " was added.");
            return "redirect:/app/clients";
        } catch (ApiProblem problem) {
            return formPage(model, null, form, FormErrors.of(problem, LABELS, "first_name"));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Client client = clients.get(CurrentTrainer.id(), id);
        Map<String, String> form = new HashMap<>();
        form.put("first_name", client.firstName());
        form.put("last_name", client.lastName());
        form.put("email", client.email());
        form.put("phone", client.phone());
        if (client.consentGivenAt() != null) {
            form.put("consent_given", "true");
        }
        return formPage(model, client, form, FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Client current = clients.get(CurrentTrainer.id(), id);
        try {
            Client saved = clients.update(ClientRequest.read(body(form, true), current));
            redirect.addFlashAttribute("notice", saved.displayName() + " was saved.");
            return "redirect:/app/clients";
        } catch (ApiProblem problem) {
            return formPage(model, current, form, FormErrors.of(problem, LABELS, "first_name"));
        }
    }

    private static tools.jackson.databind.JsonNode body(Map<String, String> form, boolean edit) {
        return new FormJson().text("first_name", form.get("first_name"), edit)
                .text("last_name", form.get("last_name"), edit)
                .text("email", form.get("email"), edit)
                .text("phone", form.get("phone"), edit)
                .bool("consent_given", form.containsKey("consent_given"))
                .json();
    }

    private static String formPage(Model model, Client client, Map<String, String> form, FormErrors errors) {
        model.addAttribute("active", "clients");
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "client-form";
    }
}

package app.spotter.web;

import app.spotter.client.Client;
import app.spotter.client.ClientRequest;
import app.spotter.client.Clients;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import java.util.HashMap;
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

/** The trainer's clients: list, add, edit. */
@Controller
@RequestMapping("/app/clients")
class ClientController {

    private static final Map<String, String> LABELS = Map.of("first_name", "First name", "last_name", "Last name",
            "email", "Email", "phone", "Phone", "consent_given", "Consent");

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("active", "clients");
        model.addAttribute("clients", clients.list(CurrentTrainer.id()));
        return "clients";
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

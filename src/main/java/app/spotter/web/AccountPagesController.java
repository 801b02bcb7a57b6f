package app.spotter.web;

import app.spotter.account.AccountData;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trainer's own account in the browser: password change, API tokens, the POPIA export and account deletion.
 * Each form goes through the same module entries as the API, so the rules (throttling, password strength, ending
 * other sessions and tokens) are the same ones.
 */
@Controller
@RequestMapping("/app/account")
class AccountPagesController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("en-ZA"));
    private static final Map<String, String> LABELS = Map.of("current_password", "Current password",
            "new_password", "New password", "password", "Password");

    private final Trainers trainers;
    private final AccountData data;

    AccountPagesController(Trainers trainers, AccountData data) {
        this.trainers = trainers;
        this.data = data;
    }

    @GetMapping
    String account(Model model) {
        return page(model, FormErrors.none());
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        try {
            trainers.changePassword(CurrentTrainer.id(), current, next, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Password changed. Every other browser and API token is signed out.");
            return "redirect:/app/account";
        } catch (ApiProblem problem) {
            return page(model, FormErrors.of(problem, LABELS, "current_password"));
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        trainers.revokeToken(CurrentTrainer.id(), id);
        redirect.addFlashAttribute("notice", "Token revoked: anything using it is signed out.");
        return "redirect:/app/account";
    }

    @GetMapping("/export")
    void export(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("spotter-export.json").build().toString());
        data.exportAccount(CurrentTrainer.id(), response.getOutputStream());
    }

    /** Deletion, confirmed with the password; the session ends with the account (no login works from now on). */
    @PostMapping("/delete")
    String delete(@RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model)
            throws jakarta.servlet.ServletException {
        try {
            data.deleteAccount(CurrentTrainer.id(), password, request.getRemoteAddr());
        } catch (ApiProblem problem) {
            return page(model, FormErrors.of(problem, LABELS, "password"));
        }
        request.logout();
        return "redirect:/login?deleted";
    }

    private String page(Model model, FormErrors errors) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        model.addAttribute("active", "account");
        model.addAttribute("errors", errors);
        model.addAttribute("trainer", trainers.get(trainerId));
        model.addAttribute("tokens", trainers.tokens(trainerId).stream().map(t -> new TokenRow(t.id(),
                t.name() == null || t.name().isBlank() ? "Unnamed token" : t.name(),
                DAY.format(t.createdAt().atZone(zone)),
                t.lastUsedAt() == null ? "never" : DAY.format(t.lastUsedAt().atZone(zone)),
                t.expiresAt() == null ? "" : DAY.format(t.expiresAt().atZone(zone)))).toList());
        return "account";
    }

    /** One API token as the page lists it: never its secret. */
    record TokenRow(UUID id, String name, String created, String lastUsed, String expires) {}
}

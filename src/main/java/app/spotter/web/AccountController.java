package app.spotter.web;

import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.BrowserSessions;
import app.spotter.trainer.SignUpRequest;
import app.spotter.trainer.Trainer;
import app.spotter.trainer.Trainers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-up and the login page; Spring Security processes the login and logout posts themselves. */
@Controller
class AccountController {

    private static final Map<String, String> LABELS = Map.of("name", "Name", "email", "Email",
            "password", "Password", "timezone", "Time zone");

    private final Trainers trainers;
    private final BrowserSessions sessions;

    AccountController(Trainers trainers, BrowserSessions sessions) {
        this.trainers = trainers;
        this.sessions = sessions;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/app/calendar";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        return signUpPage(model, Map.of("timezone", ZoneChoices.display("Africa/Johannesburg")), FormErrors.none());
    }

    @PostMapping("/signup")
    String signUp(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            SignUpRequest signUp = SignUpRequest.read(new FormJson().text("name", form.get("name"), false)
                    .text("email", form.get("email"), false).text("password", form.get("password"), false)
                    .text("timezone", ZoneChoices.resolve(form.get("timezone")), false).json());
            Trainer trainer = trainers.register(signUp.name(), signUp.email(), signUp.password(), signUp.timezone());
            sessions.signIn(trainer.id(), request, response);
            return "redirect:/app/calendar";
        } catch (ApiProblem problem) {
            return signUpPage(model, form, FormErrors.of(problem, LABELS, "email"));
        }
    }

    private static String signUpPage(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", ZoneChoices.ALL);
        return "signup";
    }
}

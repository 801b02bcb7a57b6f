package app.spotter.trainer;

import app.spotter.support.web.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser pages of "forgot password": ask for a link (or, without SMTP, read that the operator can help), then
 * choose a new password through the link. The reason a password is refused shows next to its field.
 */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/forgot-password")
    String askForm(Model model) {
        model.addAttribute("canEmail", resets.canEmail());
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String ask(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("canEmail", resets.canEmail());
        if (resets.canEmail()) {
            resets.request(email);
            // the same answer whether or not the address has an account
            model.addAttribute("sent", true);
        }
        return "forgot-password";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", resets.valid(token));
        return "reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            Model model) {
        model.addAttribute("token", token);
        try {
            if (token == null || password == null) {
                throw ApiProblem.invalid("password", "is required");
            }
            resets.reset(token, password);
            return "redirect:/login?reset";
        } catch (ApiProblem problem) {
            model.addAttribute("valid", resets.valid(token));
            model.addAttribute("error", problem.errors().isEmpty() ? problem.getMessage()
                    : problem.errors().getFirst().message());
            model.addAttribute("errorField", problem.errors().isEmpty() ? null : problem.errors().getFirst().field());
            return "reset-password";
        }
    }
}

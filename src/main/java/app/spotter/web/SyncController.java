package app.spotter.web;

import app.spotter.feed.Feeds;
import app.spotter.preferences.Preferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.sync.engine.CalendarSync;
import app.spotter.sync.ConnectionRequests;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import app.spotter.trainer.CurrentTrainer;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Connected calendars: a status card per calendar, connect Apple and email, sync now, disconnect. */
@Controller
@RequestMapping("/app/sync")
class SyncController {

    private static final Map<String, String> LABELS = Map.of("username", "Apple ID", "app_password",
            "App-specific password", "server_url", "Server", "calendar_name", "Calendar name",
            "trainer_address", "Your address", "send_to_clients", "Send to clients");

    private final CalendarSync sync;
    private final SyncCards syncCards;
    private final Feeds feeds;

    SyncController(CalendarSync sync, SyncCards syncCards, Feeds feeds) {
        this.sync = sync;
        this.syncCards = syncCards;
        this.feeds = feeds;
    }

    /**
     * A new secret feed address; the old one answers 404 from now on, so every subscription breaks. The form asks
     * first and sends {@code confirm}; without it nothing changes.
     */
    @PostMapping("/feed/rotate")
    String rotateFeed(@RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("notice", "Your feed address was not changed.");
            return "redirect:/app/sync";
        }
        feeds.rotate(CurrentTrainer.id());
        redirect.addFlashAttribute("notice", "Your feed has a new address. Calendars subscribed to the old one no "
                + "longer update: subscribe them again with the new address.");
        return "redirect:/app/sync";
    }

    /** Every view of this page, the polled status fragment included, needs to know whether Google can connect. */
    @ModelAttribute("googleConfigured")
    boolean googleConfigured() {
        return sync.googleConfigured();
    }

    /** Why email invitations cannot be connected on this server (no SMTP), or null; the API answers the same. */
    @ModelAttribute("emailUnavailable")
    String emailUnavailable() {
        return sync.cannotConnect(Provider.EMAIL).orElse(null);
    }

    @GetMapping
    String page(Model model) {
        return page(model, new HashMap<>(), FormErrors.none());
    }

    /**
     * The status cards alone, polled by the page. After "Sync now" the page watches one calendar ({@code watch},
     * from {@code since}, epoch ms) every second until it has synced since the press, or until it is plain that
     * it still fails, and says which.
     */
    @GetMapping("/status")
    String status(@RequestParam(required = false) String watch, @RequestParam(required = false) Long since,
            Model model) {
        List<SyncCard> cards = syncCards.of(CurrentTrainer.id());
        model.addAttribute("cards", cards);
        Provider watched = watch == null ? null : Provider.fromValue(watch).orElse(null);
        if (watched != null && since != null) {
            SyncCard card = cards.stream().filter(c -> c.provider().equals(watched.value())).findFirst().orElseThrow();
            SyncProgress progress = SyncProgress.of(card, Instant.ofEpochMilli(since), Instant.now());
            model.addAttribute("progress", progress);
            model.addAttribute("watched", watched.value());
            model.addAttribute("watch", progress.done() ? null : watched.value());
            model.addAttribute("since", since);
        }
        return "sync :: status";
    }

    @PostMapping("/apple")
    String connectApple(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            ConnectionRequests.Apple apple = ConnectionRequests.apple(new FormJson()
                    .text("username", form.get("username"), false)
                    .text("app_password", form.get("app_password"), false)
                    .text("server_url", form.get("server_url"), false)
                    .text("calendar_name", form.get("calendar_name"), false).json());
            sync.connectApple(CurrentTrainer.id(), apple.username(), apple.appPassword(), apple.serverUrl(),
                    apple.calendarName());
            redirect.addFlashAttribute("notice", "Apple Calendar connected. Your sessions are on their way.");
            return "redirect:/app/sync";
        } catch (ApiProblem problem) {
            form.remove("app_password"); // a secret is never sent back to the browser
            return page(model, form, FormErrors.of(unreachable(problem, form.get("server_url")), LABELS,
                    problem.status().value() == 502 ? "server_url" : "app_password"));
        }
    }

    /** Sends the trainer to Google's consent page; Google sends them back to /oauth/google/callback. */
    @PostMapping("/google")
    String connectGoogle() {
        return "redirect:" + sync.googleAuthorizationUrl(CurrentTrainer.id());
    }

    @PostMapping("/email")
    String connectEmail(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            ConnectionRequests.Email email = ConnectionRequests.email(new FormJson()
                    .text("trainer_address", form.get("trainer_address"), false)
                    .bool("send_to_clients", form.containsKey("send_to_clients")).json());
            sync.connectEmail(CurrentTrainer.id(), email.trainerAddress(), email.sendToClients());
            redirect.addFlashAttribute("notice", "Email invitations are on.");
            return "redirect:/app/sync";
        } catch (ApiProblem problem) {
            return page(model, form, FormErrors.of(problem, LABELS, "trainer_address"));
        }
    }

    /**
     * While connecting nothing is stored yet and nothing retries: a server that cannot be reached is a reason to
     * check its address, not to wait (the engine's "it will retry" is about calendars already connected).
     */
    static ApiProblem unreachable(ApiProblem problem, String serverUrl) {
        if (problem.status().value() != 502) {
            return problem;
        }
        String server = serverUrl == null || serverUrl.isBlank() ? "iCloud (the default server)" : serverUrl.strip();
        return ApiProblem.unprocessable("Spotter could not reach " + server + ", so nothing was connected. Check "
                + "the server address (leave it empty for iCloud) and your internet connection, then press Connect "
                + "Apple Calendar again.");
    }

    @PostMapping("/{provider}/sync-now")
    String syncNow(@PathVariable String provider, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        Provider p = provider(provider);
        long pressed = Instant.now().toEpochMilli();
        try {
            sync.syncNow(CurrentTrainer.id(), Optional.of(p));
        } catch (IllegalArgumentException notConnected) {
            throw ApiProblem.notFound("The " + p.value() + " connection");
        }
        if (Htmx.isHtmx(request)) {
            return status(p.value(), pressed, model);
        }
        redirect.addFlashAttribute("notice", SyncCard.title(p) + ": sync started.");
        return "redirect:/app/sync";
    }

    @PostMapping("/{provider}/disconnect")
    String disconnect(@PathVariable String provider, @RequestParam(name = "remove_events", required = false)
            String removeEvents, RedirectAttributes redirect) {
        Provider p = provider(provider);
        sync.disconnect(CurrentTrainer.id(), p, removeEvents != null);
        redirect.addFlashAttribute("notice", SyncCard.title(p) + " disconnected"
                + (removeEvents != null ? "; Spotter's events are being removed from it." : "."));
        return "redirect:/app/sync";
    }

    private String page(Model model, Map<String, String> form, FormErrors errors) {
        UUID trainerId = CurrentTrainer.id();
        model.addAttribute("active", "sync");
        model.addAttribute("cards", syncCards.of(trainerId));
        if (!form.containsKey("trainer_address") && !errors.any()) {
            // the email form shows what is saved (it came back empty after saving)
            Map<String, String> email = sync.accountSettings(trainerId, Provider.EMAIL);
            if (email.containsKey("trainer_address")) {
                form.put("trainer_address", email.get("trainer_address"));
            }
            if ("true".equals(email.get("send_to_clients"))) {
                form.put("send_to_clients", "true");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("feedUrl", feeds.url(trainerId));
        return "sync";
    }

    private static Provider provider(String value) {
        return Provider.fromValue(value).orElseThrow(() -> ApiProblem.notFound("The calendar"));
    }
}

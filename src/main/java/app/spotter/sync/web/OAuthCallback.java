package app.spotter.sync.web;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.engine.CalendarSync;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import app.spotter.sync.Provider;
import app.spotter.sync.engine.ProviderRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * Where Google sends the trainer back after consent. Needs no session: the single-use state names the trainer.
 * Answers with a small page in words, because a person, not a program, reads it.
 */
@Controller
class OAuthCallback {

    private final ProviderRegistry registry;
    private final CalendarSync sync;

    OAuthCallback(ProviderRegistry registry, CalendarSync sync) {
        this.registry = registry;
        this.sync = sync;
    }

    @GetMapping("/oauth/{provider}/callback")
    ResponseEntity<String> callback(@PathVariable String provider, @RequestParam(required = false) String state,
            @RequestParam(required = false) String code, @RequestParam(required = false) String error) {
        var connector = Provider.fromValue(provider).flatMap(registry::oauthConnector);
        if (connector.isEmpty()) {
            return page(404, "Not found", "Spotter does not connect this calendar this way.");
        }
        String name = connector.get().displayName();
        if (error != null) {
            return page(400, name + " was not connected", "access_denied".equals(error)
                    ? "You did not allow Spotter to use your calendar." : name + " answered: " + error + ".");
        }
        if (state == null || code == null) {
            return page(400, name + " was not connected", "The link is incomplete. Start again from Spotter.");
        }
        try {
            var connection = connector.get().complete(state, code);
            if (connection.isEmpty()) {
                return page(400, name + " was not connected",
                        "This link has expired or was already used. Start again from Spotter's settings.");
            }
            sync.connected(connection.get());
            return page(200, name + " connected",
                    "Your sessions will appear in your " + name + " within seconds."
                    + " You can close this page.");
        } catch (SyncFailure failure) {
            return page(502, name + " was not connected", failure.getMessage());
        }
    }

    private static ResponseEntity<String> page(int status, String title, String message) {
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
                <body><main><h1>%s</h1><p>%s</p><p><a href="/settings">Back to Spotter</a></p></main></body></html>"""
                .formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}

package app.spotter.sync;

import app.spotter.sync.google.GoogleConnector;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * Where Google sends the trainer back after consent. Needs no session: the single-use state names the trainer.
 * Answers with a small page in words, because a person, not a program, reads it.
 */
@Controller
class GoogleCallback {

    private final GoogleConnector connector;
    private final CalendarSync sync;

    GoogleCallback(GoogleConnector connector, CalendarSync sync) {
        this.connector = connector;
        this.sync = sync;
    }

    @GetMapping("/oauth/google/callback")
    ResponseEntity<String> callback(@RequestParam(required = false) String state,
            @RequestParam(required = false) String code, @RequestParam(required = false) String error) {
        if (error != null) {
            return page(400, "Google was not connected", "access_denied".equals(error)
                    ? "You did not allow Spotter to use your calendar." : "Google answered: " + error + ".");
        }
        if (state == null || code == null) {
            return page(400, "Google was not connected", "The link is incomplete. Start again from Spotter.");
        }
        try {
            var connection = connector.complete(state, code);
            if (connection.isEmpty()) {
                return page(400, "Google was not connected",
                        "This link has expired or was already used. Start again from Spotter's settings.");
            }
            sync.connected(connection.get());
            return page(200, "Google Calendar connected",
                    "Your sessions will appear in your Google Calendar within seconds. You can close this page.");
        } catch (SyncFailure failure) {
            return page(502, "Google was not connected", failure.getMessage());
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

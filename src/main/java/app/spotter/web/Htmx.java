package app.spotter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** The few htmx conventions the controllers use: detect an htmx request, trigger a client-side event. */
final class Htmx {

    /** The calendar listens for this to close the dialog, refetch events and announce the message. */
    static final String SESSIONS_CHANGED = "sessions-changed";

    /** Header values are ASCII: a client's name like "Zoë" travels as \u00eb, which htmx's JSON.parse undoes. */
    private static final JsonMapper HEADER_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private Htmx() {}

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** True when the htmx request came from the page at {@code path} (htmx sends the page's URL). */
    static boolean fromPage(HttpServletRequest request, String path) {
        String current = request.getHeader("HX-Current-URL");
        return current != null && java.net.URI.create(current).getPath().equals(path);
    }

    /** Triggers {@code event} in the browser with {@code message} as {@code detail.value}. */
    static void trigger(HttpServletResponse response, String event, String message) {
        response.setHeader("HX-Trigger", HEADER_JSON.writeValueAsString(Map.of(event, message)));
    }

    /** Triggers {@code event} with {@code detail} as the event's detail (htmx passes an object through as is). */
    static void trigger(HttpServletResponse response, String event, Map<String, String> detail) {
        response.setHeader("HX-Trigger", HEADER_JSON.writeValueAsString(Map.of(event, detail)));
    }
}

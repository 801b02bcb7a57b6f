package app.spotter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx conventions the controllers use: detect an htmx request, trigger a client-side event. */
final class Htmx {

    /** The calendar listens for this to close the dialog, refetch events and announce the message. */
    static final String SESSIONS_CHANGED = "sessions-changed";

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
        response.setHeader("HX-Trigger", "{\"" + event + "\":" + jsonString(message) + "}");
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

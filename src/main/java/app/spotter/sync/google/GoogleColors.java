package app.spotter.sync.google;

import app.spotter.calendar.Lab;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a booking's {@code #RRGGBB} to the nearest of Google's event colours. Google accepts only a
 * {@code colorId} from its event palette on an event, never a free hex
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events: "colorId ... from the event section of
 * the colors definition").
 *
 * <p>The palette is the {@code event} section of {@code GET /calendar/v3/colors}
 * (https://developers.google.com/workspace/calendar/api/v3/reference/colors/get). It is global and has not changed in
 * years, so it is hard-coded rather than fetched: one request fewer per connection, and the mapping stays testable.
 * "Nearest" is CIE76 (Euclidean distance in CIELAB, D65), which follows perceived difference far better than raw RGB.
 */
final class GoogleColors {

    /** colorId -> background, as {@code colors.get} returns it (names as Google Calendar shows them). */
    static final Map<String, String> EVENT_PALETTE = palette();

    private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

    private GoogleColors() {}

    private static Map<String, String> palette() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("1", "#a4bdfc"); // Lavender
        p.put("2", "#7ae7bf"); // Sage
        p.put("3", "#dbadff"); // Grape
        p.put("4", "#ff887c"); // Flamingo
        p.put("5", "#fbd75b"); // Banana
        p.put("6", "#ffb878"); // Tangerine
        p.put("7", "#46d6db"); // Peacock
        p.put("8", "#e1e1e1"); // Graphite
        p.put("9", "#5484ed"); // Blueberry
        p.put("10", "#51b749"); // Basil
        p.put("11", "#dc2127"); // Tomato
        return Map.copyOf(p);
    }

    /**
     * The colorId nearest to {@code hex}, or null when there is no usable colour: the event then takes the
     * calendar's own colour, which is what the trainer sees for "no colour chosen".
     */
    static String nearestColorId(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return null;
        }
        double[] target = lab(hex);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int id = 1; id <= 11; id++) {
            String key = Integer.toString(id);
            double d = distance(target, lab(EVENT_PALETTE.get(key)));
            if (d < bestDistance) {
                bestDistance = d;
                best = key;
            }
        }
        return best;
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(Lab.distanceSquared(a, b));
    }

    /** sRGB hex -> CIELAB (D65 white); the conversion is the calendar module's. */
    static double[] lab(String hex) {
        return Lab.fromRgb(Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16));
    }
}

package app.spotter.sync.google;

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
        double dl = a[0] - b[0], da = a[1] - b[1], db = a[2] - b[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /** sRGB hex -> CIELAB (D65 white), per IEC 61966-2-1 and CIE 15. */
    static double[] lab(String hex) {
        int rgb = Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
        double r = linear((rgb >> 16) & 0xff), g = linear((rgb >> 8) & 0xff), b = linear(rgb & 0xff);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }
}

package app.spotter.web;

import app.spotter.booking.SessionType;

/**
 * Session colours in the web calendar: a default per session type when the trainer chose none, and the text colour
 * that reads on a background (WCAG 2.x relative luminance and contrast ratio).
 */
final class Colors {

    private Colors() {}

    /**
     * Okabe and Ito's palette ("Color Universal Design", 2008): its hues stay distinct with protanopia, deuteranopia
     * and tritanopia. Each is paired with black or white text at 4.5:1 or more (checked by ColorsTest).
     */
    static String defaultFor(SessionType type) {
        return switch (type) {
            case ONE_ON_ONE -> "#0072B2"; // blue
            case GROUP -> "#009E73"; // bluish green
            case ASSESSMENT -> "#E69F00"; // orange
            case ONLINE -> "#CC79A7"; // reddish purple
            case CONSULTATION -> "#56B4E9"; // sky blue
        };
    }

    static String textOn(String hex) {
        double l = luminance(hex);
        return contrast(l, luminance("#111111")) >= contrast(l, 1.0) ? "#111111" : "#FFFFFF";
    }

    static double contrast(String a, String b) {
        return contrast(luminance(a), luminance(b));
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}

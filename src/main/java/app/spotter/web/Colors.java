package app.spotter.web;

/** Text colour for a coloured event: black or white, whichever contrasts more with the background (WCAG 2). */
final class Colors {

    private Colors() {}

    static String textOn(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        double withBlack = (l + 0.05) / 0.05;
        double withWhite = 1.05 / (l + 0.05);
        return withBlack >= withWhite ? "#111111" : "#FFFFFF";
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}

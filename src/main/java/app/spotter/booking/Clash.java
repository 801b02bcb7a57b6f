package app.spotter.booking;

/**
 * Something a session's time runs into besides the trainer's other sessions.
 *
 * @param blocking true: refused with 409 unless the request says {@code allow_conflict} (time off, a busy
 *     calendar); false: allowed with a warning the trainer sees (outside working hours, busy times that may be
 *     stale)
 * @param code a stable word for clients ({@code time_off}, {@code busy}, {@code outside_working_hours},
 *     {@code busy_times_stale})
 * @param message what the trainer reads, naming what it clashes with
 */
public record Clash(boolean blocking, String code, String message) {

    public static Clash blocking(String code, String message) {
        return new Clash(true, code, message);
    }

    public static Clash warning(String code, String message) {
        return new Clash(false, code, message);
    }
}

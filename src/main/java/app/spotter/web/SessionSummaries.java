package app.spotter.web;

import app.spotter.booking.SessionType;

/**
 * The title a session shows under, the same rule the calendar sync applies to SUMMARY (DESIGN.md "Content"):
 * "<session type label> · <client name>", or the label alone when the trainer hides client names.
 *
 * <p>Interim private copy of {@code app.spotter.calendar.CalendarObjects.summaryFor}, which is being written in
 * the calendar module; replace the body with a call to it once it is on main.
 */
final class SessionSummaries {

    private SessionSummaries() {}

    static String summaryFor(SessionType type, String clientDisplayName, boolean showClientNames) {
        if (!showClientNames || clientDisplayName == null || clientDisplayName.isBlank()) {
            return type.label();
        }
        return type.label() + " · " + clientDisplayName;
    }
}

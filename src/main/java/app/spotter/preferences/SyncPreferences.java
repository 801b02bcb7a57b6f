package app.spotter.preferences;

import app.spotter.booking.SessionType;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** One trainer's calendar-sync preferences: the seed's {@code calendar_sync_preferences} row. */
public record SyncPreferences(UUID trainerId, boolean googleCalendarEnabled, boolean appleCalendarEnabled,
        boolean emailCalendarEnabled, SyncFrequency syncFrequency, CalendarView calendarViewDefault,
        boolean showClientNames, Map<SessionType, String> sessionColors, ZoneId timezoneDisplay) {

    public SyncPreferences {
        sessionColors = Map.copyOf(sessionColors);
    }

    /** The colour a session shows in: the booking's own, else its session type's, else none. */
    public String colorFor(SessionType type, String bookingColor) {
        return bookingColor != null ? bookingColor : sessionColors.get(type);
    }

    /** True when a calendar built from these preferences would look different from one built from {@code other}. */
    public boolean changesEventContent(SyncPreferences other) {
        return showClientNames != other.showClientNames || !sessionColors.equals(other.sessionColors)
                || !timezoneDisplay.equals(other.timezoneDisplay);
    }
}

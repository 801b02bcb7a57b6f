package app.spotter.sync;

import java.util.List;

/** The calendars of one connected account, or why they could not be listed ({@code error}, else null). */
public record AccountCalendars(Provider provider, List<ExternalCalendar> calendars, String error) {

    public AccountCalendars {
        calendars = List.copyOf(calendars);
    }
}

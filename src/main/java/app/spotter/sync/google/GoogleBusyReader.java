package app.spotter.sync.google;

import app.spotter.sync.BusyCalendarReader;
import app.spotter.sync.BusyRead;
import app.spotter.sync.Connection;
import app.spotter.sync.ExternalCalendar;
import app.spotter.sync.SyncFailure;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy times from the trainer's other Google calendars: calendarList for the listing, freebusy.query for the
 * intervals (Google leaves out transparent, cancelled and declined events itself and expands recurring ones, and
 * answers times only). freebusy has no change token, so every refresh is one query per busy calendar.
 *
 * <p>freebusy cannot tell Spotter's own events apart, so the calendar Spotter writes to is never busy; when that
 * is the primary calendar (the default), the trainer marks their other calendars busy themselves.
 */
final class GoogleBusyReader implements BusyCalendarReader {

    /** calendarList pages (250 is the documented maximum); more pages than this is not a person's account. */
    private static final int MAX_PAGES = 10;

    private final GoogleApi api;

    GoogleBusyReader(GoogleApi api) {
        this.api = api;
    }

    @Override
    public List<ExternalCalendar> calendars(Connection connection) throws SyncFailure {
        String spotters = connection.setting(GoogleCalendarProvider.CALENDAR_ID);
        boolean spottersIsPrimary = spotters == null || spotters.isBlank() || spotters.equals("primary");
        List<ExternalCalendar> result = new ArrayList<>();
        String page = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            String token = page;
            CalendarList list = api.call(connection, cal -> cal.calendarList().list().setMaxResults(250)
                    .setPageToken(token).execute());
            if (list.getItems() != null) {
                for (CalendarListEntry e : list.getItems()) {
                    boolean primary = Boolean.TRUE.equals(e.getPrimary());
                    boolean ours = spottersIsPrimary ? primary : e.getId().equals(spotters);
                    String name = e.getSummaryOverride() != null ? e.getSummaryOverride() : e.getSummary();
                    result.add(new ExternalCalendar(e.getId(), name, primary && !ours, ours, null));
                }
            }
            page = list.getNextPageToken();
            if (page == null) {
                break;
            }
        }
        return result;
    }

    @Override
    public BusyRead busy(Connection connection, ExternalCalendar calendar, Instant from, Instant to, ZoneId zone)
            throws SyncFailure {
        FreeBusyRequest request = new FreeBusyRequest()
                .setTimeMin(new DateTime(from.toEpochMilli()))
                .setTimeMax(new DateTime(to.toEpochMilli()))
                .setItems(List.of(new FreeBusyRequestItem().setId(calendar.id())));
        FreeBusyResponse response = api.call(connection, cal -> cal.freebusy().query(request).execute());
        FreeBusyCalendar answer = response.getCalendars() == null ? null : response.getCalendars().get(calendar.id());
        if (answer == null || (answer.getErrors() != null && !answer.getErrors().isEmpty())) {
            String reason = answer == null || answer.getErrors() == null ? "no answer"
                    : answer.getErrors().getFirst().getReason();
            throw SyncFailure.transientFailure("Google could not read the busy times of " + calendar.name() + " ("
                    + reason + ").", null, null);
        }
        List<BusyRead.Busy> busy = new ArrayList<>();
        if (answer.getBusy() != null) {
            for (TimePeriod p : answer.getBusy()) {
                Instant start = Instant.ofEpochMilli(p.getStart().getValue());
                Instant end = Instant.ofEpochMilli(p.getEnd().getValue());
                if (end.isAfter(start)) {
                    busy.add(new BusyRead.Busy(start, end, false));
                }
            }
        }
        return new BusyRead(null, busy);
    }
}

package app.spotter.sync.google;

import app.spotter.preferences.SyncPreferences;
import app.spotter.calendar.CalendarEvent;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import com.google.api.client.http.HttpTransport;
import com.google.api.services.calendar.model.Event;
import java.time.InstantSource;

/**
 * Google Calendar through the official v3 client. Event ids are the booking's 32 hex digits (valid base32hex, see
 * https://developers.google.com/workspace/calendar/api/v3/reference/events/insert "id"), so every create can be
 * retried: Google answers 409 to a second insert and we update instead.
 *
 * <p>Connection settings: {@code calendarId} (default {@code primary}); secret: the refresh token.
 */
public final class GoogleCalendarProvider implements CalendarProvider {

    public static final String CALENDAR_ID = "calendarId";

    /** Beyond this many lost races in a row, let the engine's backoff space the attempts out. */
    private static final int OVERWRITE_ATTEMPTS = 3;

    private final GoogleApi api;
    private final GoogleChanges changes;
    private final GoogleBusyReader busy;

    public GoogleCalendarProvider(GoogleEndpoints endpoints, GoogleOAuth oauth) {
        this(endpoints, oauth, BoundedHttpTransport.withDefaults(), TrainerRateLimiter.standard(), InstantSource.system());
    }

    GoogleCalendarProvider(GoogleEndpoints endpoints, GoogleOAuth oauth, HttpTransport transport,
            TrainerRateLimiter limiter, InstantSource clock) {
        this.api = new GoogleApi(transport, endpoints.apiRoot(), oauth, limiter, new GoogleErrors(clock));
        this.changes = new GoogleChanges(api);
        this.busy = new GoogleBusyReader(api);
    }

    @Override
    public java.util.Optional<app.spotter.sync.BusyCalendarReader> busyCalendars() {
        return java.util.Optional.of(busy);
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public boolean enabled(SyncPreferences p) {
        return p.googleCalendarEnabled();
    }

    @Override
    public SyncPreferences withEnabled(SyncPreferences p, boolean on) {
        return new SyncPreferences(p.trainerId(), on, p.appleCalendarEnabled(), p.emailCalendarEnabled(), p.syncFrequency(), p.calendarViewDefault(),
                p.showClientNames(), p.sessionColors(), p.timezoneDisplay());
    }

    @Override
    public String bookingColumn() {
        return "google_event_id";
    }

    @Override
    public RemoteEvent upsert(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        if (event.repeating() == null) {
            return upsertEvent(connection, event, previous, GoogleEventMapper.toGoogle(event));
        }
        // a series: the recurring event (one request), then its instances as Spotter holds them (one listing, and
        // a write for each instance that differs)
        RemoteEvent master = upsertEvent(connection, event, previous, GoogleEventMapper.toGoogleSeries(event));
        if (master.goneThere()) {
            return master; // deleted there: nothing was written, the engine decides it
        }
        String etag = alignInstances(connection, calendarId(connection), master, event);
        return new RemoteEvent(master.externalId(), etag, null, master.sequence(), master.overwrote(),
                master.goneThere());
    }

    /**
     * Makes every instance of the series what Spotter holds: an occurrence Spotter moved at its time (an instance
     * override), every other one at the rule's time with the series' title, and not deleted. So a move or a
     * deletion of one instance made in Google that Spotter put back (or the trainer chose to put back) is undone
     * here, and an instance edited there gets Spotter's content again. Occurrences Spotter excludes are EXDATEs of
     * the master and are not listed.
     *
     * @return the series' version tag ({@link GoogleSeries#etag}) as written
     */
    private String alignInstances(Connection connection, String calendarId, RemoteEvent master, CalendarEvent event)
            throws SyncFailure {
        java.util.List<Event> instances = instances(connection, calendarId, master.externalId());
        java.util.Map<java.time.Instant, app.spotter.calendar.Repeating.Override> overrides = new java.util.HashMap<>();
        event.repeating().overrides().forEach(o -> overrides.put(o.recurrenceId(), o));
        java.time.Duration length = java.time.Duration.between(event.start(), event.end());
        java.util.List<Event> written = new java.util.ArrayList<>();
        for (Event instance : instances) {
            java.time.Instant original = GoogleSeries.instant(instance.getOriginalStartTime());
            var o = overrides.getOrDefault(original, null);
            Event body = o != null ? GoogleEventMapper.toInstance(master.externalId(), o, event.zone())
                    : GoogleEventMapper.toInstance(master.externalId(), original, event, original,
                            original.plus(length));
            if (original == null || same(instance, body)) {
                written.add(instance);
                continue;
            }
            var updated = api.attempt(connection, cal -> cal.events().update(calendarId, instance.getId(), body)
                    .execute(), 404);
            written.add(updated.ok() ? updated.value() : instance);
        }
        return GoogleSeries.etag(master.etag(), written);
    }

    private static boolean same(Event there, Event ours) {
        return !"cancelled".equals(there.getStatus())
                && java.util.Objects.equals(instant(there.getStart()), instant(ours.getStart()))
                && java.util.Objects.equals(instant(there.getEnd()), instant(ours.getEnd()))
                && java.util.Objects.equals(there.getSummary(), ours.getSummary());
    }

    /** Longest series Spotter reads: 26 weeks booked ahead, up to 7 sessions a week, with room to spare. */
    private static final int INSTANCE_PAGES = 4;

    /** events.instances with deleted ones (cancelled exceptions), page by page up to a bound. */
    private java.util.List<Event> instances(Connection connection, String calendarId, String masterId)
            throws SyncFailure {
        java.util.List<Event> all = new java.util.ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < INSTANCE_PAGES; page++) {
            String next = pageToken;
            var listed = api.attempt(connection, cal -> cal.events().instances(calendarId, masterId)
                    .setShowDeleted(true).setMaxResults(250).setPageToken(next).execute(), 404, 410);
            if (!listed.ok()) {
                break;
            }
            if (listed.value().getItems() != null) {
                all.addAll(listed.value().getItems());
            }
            pageToken = listed.value().getNextPageToken();
            if (pageToken == null) {
                break;
            }
        }
        return all;
    }

    private RemoteEvent upsertEvent(Connection connection, CalendarEvent event, RemoteEvent previous, Event body)
            throws SyncFailure {
        String calendarId = calendarId(connection);
        if (previous == null) {
            var created = api.attempt(connection, cal -> cal.events().insert(calendarId, body).execute(), 409);
            if (created.ok()) {
                return remote(created.value());
            }
            // 409 duplicate: the id is taken, by our own insert whose answer was lost, or by our event that was
            // deleted in Google (deleted events linger as "cancelled" and keep their id). It is ours: overwrite.
            return overwrite(connection, calendarId, body, false, false);
        }
        var updated = api.attempt(connection, cal -> {
            var update = cal.events().update(calendarId, body.getId(), body);
            if (previous.etag() != null) {
                // Optimistic concurrency: only overwrite the version we last wrote (a series' own part of it).
                update.getRequestHeaders().setIfMatch(GoogleSeries.masterEtag(previous.etag()));
            }
            return update.execute();
        }, 412, 404);
        if (updated.ok()) {
            return remote(updated.value());
        }
        // 412: changed in Google since our last write; 404: not there (another calendar chosen since). Spotter
        // owns its events either way, so read what is there now and apply ours on top; after a 412 the trainer is
        // told what was overwritten (a change made in Google while Spotter's was on its way is not lost silently),
        // and a 412 because the trainer deleted it there is not undone behind their back
        boolean changedThere = updated.status() == 412;
        return overwrite(connection, calendarId, body, changedThere, changedThere);
    }

    @Override
    public void remove(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        String calendarId = calendarId(connection);
        String id = previous != null ? previous.externalId() : event.bookingHex();
        // 404 never existed here, 410 already deleted: both mean the goal "not in the calendar" is met.
        api.attempt(connection, cal -> cal.events().delete(calendarId, id).execute(), 404, 410);
    }

    /**
     * events.get of our event (the transport's deadline and size cap apply). A deleted event lingers as
     * {@code status: cancelled} (events resource "status"); 404 and 410 are gone as well. An all-day or floating
     * time is not one Spotter can take as a move, so it reads as unreadable (put back).
     */
    @Override
    public java.util.Optional<app.spotter.sync.ReadResult> read(Connection connection, RemoteEvent event)
            throws SyncFailure {
        String calendarId = calendarId(connection);
        var got = api.attempt(connection, cal -> cal.events().get(calendarId, event.externalId()).execute(), 404,
                410);
        if (!got.ok()) {
            return java.util.Optional.of(new app.spotter.sync.ReadResult.Gone());
        }
        Event there = got.value();
        boolean cancelled = "cancelled".equals(there.getStatus());
        java.time.Instant start = instant(there.getStart());
        java.time.Instant end = instant(there.getEnd());
        if (cancelled) {
            return java.util.Optional.of(new app.spotter.sync.ReadResult.Gone());
        }
        if (start == null || end == null) {
            return java.util.Optional.empty();
        }
        boolean series = there.getRecurrence() != null && !there.getRecurrence().isEmpty();
        if (series) {
            // read with its instances: a move or a deletion of one of them is not a change of the master's own
            var instances = instances(connection, calendarId, there.getId());
            return java.util.Optional.of(new app.spotter.sync.ReadResult.Found(new app.spotter.sync.RemoteSnapshot(
                    GoogleSeries.etag(there.getEtag(), instances), start, end, false, true, there.getSummary(),
                    GoogleSeries.of(there, start, end, instances).orElse(null))));
        }
        return java.util.Optional.of(new app.spotter.sync.ReadResult.Found(new app.spotter.sync.RemoteSnapshot(
                there.getEtag(), start, end, false, there.getRecurringEventId() != null, there.getSummary())));
    }

    private static java.time.Instant instant(com.google.api.services.calendar.model.EventDateTime time) {
        if (time == null || time.getDateTime() == null || time.getDateTime().isDateOnly()) {
            return null;
        }
        return java.time.Instant.ofEpochMilli(time.getDateTime().getValue());
    }

    @Override
    public RemoteChanges changesSince(Connection connection, String syncToken) throws SyncFailure {
        return changes.since(connection, calendarId(connection), syncToken);
    }

    /**
     * Read the current version and write ours over it, retrying a few times if someone keeps racing us.
     *
     * @param report whether what is overwritten was changed in Google since Spotter's last write (a 412), so the
     *     returned event names it ({@link RemoteEvent#overwrote()}) unless it already shows what Spotter writes
     * @param keepDeletion whether an event deleted there (Google keeps it as {@code status: cancelled}) is left
     *     deleted and answered {@link RemoteEvent#goneThere}: the engine then decides it as a round would (flagged,
     *     one notice). Not for a create, whose own earlier insert may be what lingers there.
     */
    private RemoteEvent overwrite(Connection connection, String calendarId, Event body, boolean report,
            boolean keepDeletion) throws SyncFailure {
        String id = body.getId();
        app.spotter.sync.RemoteSnapshot overwrote = null;
        for (int i = 0; i < OVERWRITE_ATTEMPTS; i++) {
            var current = api.attempt(connection, cal -> cal.events().get(calendarId, id).execute(), 404);
            if (!current.ok()) {
                var created = api.attempt(connection, cal -> cal.events().insert(calendarId, body).execute(), 409);
                if (created.ok()) {
                    return remote(created.value());
                }
                continue;
            }
            Event there = current.value();
            if (keepDeletion && "cancelled".equals(there.getStatus())) {
                return RemoteEvent.goneThere(id, null);
            }
            if (report && overwrote == null) {
                overwrote = changedThere(there, body);
            }
            if (there.getSequence() != null && there.getSequence() > body.getSequence()) {
                // Google refuses a sequence below the stored one; ours must still win, so continue from theirs.
                body.setSequence(there.getSequence());
            }
            var updated = api.attempt(connection, cal -> {
                var update = cal.events().update(calendarId, id, body);
                update.getRequestHeaders().setIfMatch(there.getEtag());
                return update.execute();
            }, 412);
            if (updated.ok()) {
                Event stored = updated.value();
                return new RemoteEvent(stored.getId(), stored.getEtag(), null, -1, overwrote);
            }
        }
        throw SyncFailure.transientFailure("The Google event kept changing while Spotter wrote it; retrying", null,
                null);
    }

    /**
     * What Google holds, when it is not what Spotter is writing (time or title): a change made there. Null when it
     * shows Spotter's version (our own earlier write whose answer was lost), or for a series (its instances are
     * not compared here).
     */
    private static app.spotter.sync.RemoteSnapshot changedThere(Event there, Event ours) {
        if (ours.getRecurrence() != null && !ours.getRecurrence().isEmpty()) {
            return null;
        }
        java.time.Instant start = instant(there.getStart());
        java.time.Instant end = instant(there.getEnd());
        boolean same = java.util.Objects.equals(start, instant(ours.getStart()))
                && java.util.Objects.equals(end, instant(ours.getEnd()))
                && java.util.Objects.equals(there.getSummary(), ours.getSummary());
        return same ? null : new app.spotter.sync.RemoteSnapshot(there.getEtag(), start, end,
                "cancelled".equals(there.getStatus()), false, there.getSummary());
    }

    private static RemoteEvent remote(Event event) {
        return new RemoteEvent(event.getId(), event.getEtag(), null);
    }

    private static String calendarId(Connection connection) {
        String id = connection.setting(CALENDAR_ID);
        return id == null || id.isBlank() ? "primary" : id;
    }
}

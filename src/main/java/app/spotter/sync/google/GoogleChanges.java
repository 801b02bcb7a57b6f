package app.spotter.sync.google;

import app.spotter.sync.Connection;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.SyncFailure;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Incremental sync (https://developers.google.com/workspace/calendar/api/guides/sync): list with the stored
 * syncToken, follow nextPageToken, keep the nextSyncToken that only the last page carries; on 410 list everything
 * again.
 */
final class GoogleChanges {

    /**
     * Every incremental request must repeat the parameters of the first listing, or Google answers 400. The
     * parameters are therefore fixed here, once, for both; and none of them is one of those Google forbids with a
     * syncToken (timeMin, timeMax, q, orderBy, updatedMin, iCalUID, privateExtendedProperty, ...).
     */
    static final int PAGE_SIZE = 250;

    /** Only what we read: smaller answers on a 1-request-per-round budget. */
    static final String FIELDS = "nextPageToken,nextSyncToken,items(id,etag,status,recurringEventId,extendedProperties/private)";

    private final GoogleApi api;

    GoogleChanges(GoogleApi api) {
        this.api = api;
    }

    RemoteChanges since(Connection connection, String calendarId, String syncToken) throws SyncFailure {
        if (syncToken != null) {
            RemoteChanges incremental = list(connection, calendarId, syncToken, false);
            if (incremental != null) {
                return incremental;
            }
            // 410 fullSyncRequired: the token expired or was invalidated. Google's remedy is a full listing; the
            // engine wipes its mirror state (never bookings) on fullResync.
        }
        return list(connection, calendarId, null, syncToken != null);
    }

    /** Null when Google answered 410 to the token. */
    private RemoteChanges list(Connection connection, String calendarId, String syncToken, boolean fullResync)
            throws SyncFailure {
        java.util.Map<String, String> changed = new java.util.HashMap<>();
        Set<String> removed = new HashSet<>();
        java.util.Map<String, String> instanceChanged = new java.util.HashMap<>();
        String pageToken = null;
        Events page;
        do {
            String next = pageToken;
            var outcome = api.attempt(connection, cal -> request(cal, calendarId, syncToken, next).execute(), 410);
            if (!outcome.ok()) {
                return null;
            }
            page = outcome.value();
            for (Event item : page.getItems() == null ? java.util.List.<Event>of() : page.getItems()) {
                if (item.getRecurringEventId() != null) {
                    // one instance of a recurring event moved, edited or deleted on its own: Google lists it under
                    // an id of its own (<master>_<original start>), and the master's etag stays as it was. Spotter
                    // knows the series by its master, so it is a change of the master; its instance etag never
                    // equals the series' version Spotter stored, so the engine reads the series and tells its own
                    // write (an echo) from the trainer's change there
                    instanceChanged.put(item.getRecurringEventId(), item.getEtag());
                } else if ("cancelled".equals(item.getStatus())) {
                    // Deleted events come back stripped to id and status, so they cannot be told apart as ours;
                    // the engine ignores ids it does not know.
                    removed.add(item.getId());
                } else if (GoogleEventMapper.isOurs(item)) {
                    changed.put(item.getId(), item.getEtag());
                }
            }
            pageToken = page.getNextPageToken();
        } while (pageToken != null);
        changed.putAll(instanceChanged); // the master's own etag may equal Spotter's while an instance changed
        return new RemoteChanges(page.getNextSyncToken(), changed, Set.copyOf(removed), fullResync);
    }

    private static Calendar.Events.List request(Calendar cal, String calendarId, String syncToken, String pageToken)
            throws IOException {
        return cal.events().list(calendarId)
                .setMaxResults(PAGE_SIZE)
                .setFields(FIELDS)
                .setSyncToken(syncToken)
                .setPageToken(pageToken);
    }
}

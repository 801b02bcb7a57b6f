package app.spotter.sync.caldav;

import app.spotter.preferences.SyncPreferences;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Apple iCloud, and any CalDAV server: the resource is {@code <booking uuid>.ics} in the trainer's calendar, so
 * every write is retry-safe. Creates use {@code If-None-Match: *}; updates {@code If-Match} our last etag. A 412
 * means the copy there is not the one we wrote: Spotter owns its events, so it reads the current etag and writes
 * its version again.
 */
@Component
class CalDavCalendarProvider implements CalendarProvider {

    /** A 412 per write is normal after a lost response; a loop of them means someone fights us: give up then. */
    private static final int MAX_PRECONDITION_ROUNDS = 3;

    private final CalDavClients clients;
    private final CalendarObjects objects;
    private final CalDavBusyReader busy;

    CalDavCalendarProvider(CalDavClients clients, CalendarObjects objects,
            @org.springframework.beans.factory.annotation.Value("${spotter.uid-domain:spotter.app}") String uidDomain) {
        this.clients = clients;
        this.objects = objects;
        this.busy = new CalDavBusyReader(clients, uidDomain);
    }

    @Override
    public java.util.Optional<app.spotter.sync.BusyCalendarReader> busyCalendars() {
        return java.util.Optional.of(busy);
    }

    @Override
    public Provider provider() {
        return Provider.APPLE;
    }

    @Override
    public boolean enabled(SyncPreferences p) {
        return p.appleCalendarEnabled();
    }

    @Override
    public SyncPreferences withEnabled(SyncPreferences p, boolean on) {
        return new SyncPreferences(p.trainerId(), p.googleCalendarEnabled(), on, p.emailCalendarEnabled(), p.syncFrequency(), p.calendarViewDefault(),
                p.showClientNames(), p.sessionColors(), p.timezoneDisplay());
    }

    @Override
    public String bookingColumn() {
        return "apple_event_id";
    }

    @Override
    public String externalId(CalendarEvent event) {
        return event.bookingHex() + ".ics";
    }

    @Override
    public RemoteEvent upsert(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        String name = externalId(event);
        URI url = CalDavClient.objectUrl(calendar(connection), name);
        byte[] body = objects.storedObject(event).getBytes(StandardCharsets.UTF_8);
        int written = -1;
        app.spotter.sync.RemoteSnapshot overwrote = null;
        WritePrecondition precondition = previous == null || previous.etag() == null
                ? new WritePrecondition.CreateOnly()
                : new WritePrecondition.MatchOnly(new ETag(previous.etag()));
        for (int round = 0; round < MAX_PRECONDITION_ROUNDS; round++) {
            switch (client.put(url, body, precondition)) {
                case PutOutcome.Stored stored -> {
                    return new RemoteEvent(name, stored.etag().map(ETag::value).orElse(null), url.toString(), written,
                            overwrote);
                }
                case PutOutcome.PreconditionFailed failed -> {
                    // 412 on create: it exists (our earlier attempt whose response was lost, or a reconnect);
                    // 412 on update: it changed there. Either way: read its etag and write ours over it.
                    GetOutcome current = client.get(url);
                    if (current instanceof GetOutcome.Found found && previous != null && overwrote == null) {
                        // an update found a copy that is not our last write; unless it shows what we are writing
                        // (our own earlier attempt whose answer was lost), someone changed it there meanwhile
                        CalendarEvent writing = event;
                        overwrote = ObjectSnapshot.of(found.ics(), found.etag().map(ETag::value).orElse(null)).filter(there -> !shows(there, writing))
                                .orElse(null);
                    }
                    if (current instanceof GetOutcome.Found found) {
                        // RFC 5546 2.1.4: a client that edited it may have raised SEQUENCE (python-caldav does);
                        // ours must go above it, or calendars take our version for an older one
                        int theirs = ServerSequence.of(found.ics());
                        if (theirs >= event.sequence()) {
                            event = event.withSequence(theirs + 1);
                            written = event.sequence();
                            body = objects.storedObject(event).getBytes(StandardCharsets.UTF_8);
                        }
                    }
                    if (current instanceof GetOutcome.NotFound && previous != null && previous.etag() != null) {
                        // an update, and the copy Spotter wrote is gone: the trainer deleted it there. Creating it
                        // again would undo that behind their back; the engine decides it as a round would
                        return RemoteEvent.goneThere(name, url.toString());
                    }
                    precondition = switch (current) {
                        case GetOutcome.Found found -> found.etag()
                                .<WritePrecondition>map(WritePrecondition.MatchOnly::new)
                                .orElseGet(WritePrecondition.Unconditional::new);
                        // a create (or a row that never learned an ETag) whose object is gone meanwhile: create it
                        case GetOutcome.NotFound notFound -> new WritePrecondition.CreateOnly();
                    };
                }
            }
        }
        throw SyncFailure.transientFailure("The calendar kept changing " + name + " while Spotter wrote it.",
                null, null);
    }

    private static boolean shows(app.spotter.sync.RemoteSnapshot there, CalendarEvent event) {
        if (event.repeating() != null) {
            return SeriesMatch.shows(there, event);
        }
        return there.start().equals(event.start()) && there.end().equals(event.end())
                && java.util.Objects.equals(there.summary(), event.summary());
    }

    @Override
    public void remove(Connection connection, CalendarEvent event, RemoteEvent previous) throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        URI url = previous.resourceUrl() != null ? URI.create(previous.resourceUrl())
                : CalDavClient.objectUrl(calendar(connection), previous.externalId());
        ETag etag = previous.etag() == null ? null : new ETag(previous.etag());
        switch (client.delete(url, etag)) {
            case DeleteOutcome.Deleted deleted -> { }
            // 404/410: already gone, which is what we wanted
            case DeleteOutcome.AlreadyGone gone -> { }
            // 412: changed there since our write; the booking is cancelled all the same, and the event is ours
            case DeleteOutcome.PreconditionFailed changed -> client.delete(url, null);
        }
    }

    /** One GET of the object (the transport's deadline and size cap apply), parsed by {@link ObjectSnapshot}. */
    @Override
    public java.util.Optional<app.spotter.sync.ReadResult> read(Connection connection, RemoteEvent event)
            throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        URI url = event.resourceUrl() != null ? URI.create(event.resourceUrl())
                : CalDavClient.objectUrl(calendar(connection), event.externalId());
        return switch (client.get(url)) {
            case GetOutcome.NotFound gone -> java.util.Optional.of(new app.spotter.sync.ReadResult.Gone());
            case GetOutcome.Found found -> ObjectSnapshot.of(found.ics(), found.etag().map(ETag::value).orElse(null))
                    .map(app.spotter.sync.ReadResult.Found::new);
        };
    }

    @Override
    public RemoteChanges changesSince(Connection connection, String syncToken) throws SyncFailure {
        CalDavClient client = clients.forConnection(connection);
        URI calendar = calendar(connection);
        SyncOutcome outcome = client.changesSince(calendar, syncToken == null ? null : new SyncToken(syncToken));
        boolean full = syncToken == null;
        if (outcome instanceof SyncOutcome.TokenRefused) {
            // RFC 6578 3.2: the token is no longer valid; list everything again
            outcome = client.changesSince(calendar, null);
            full = true;
        }
        if (!(outcome instanceof SyncOutcome.Changes changes)) {
            throw SyncFailure.transientFailure("The calendar refused to list its changes.", null, null);
        }
        Map<String, String> changed = new HashMap<>();
        changes.changed().forEach(m -> changed.put(lastSegment(m.href()), m.etag() == null ? null : m.etag().value()));
        Set<String> removed = new HashSet<>();
        changes.removed().forEach(href -> removed.add(lastSegment(href)));
        return new RemoteChanges(changes.token().value(), changed, removed, full);
    }

    private static URI calendar(Connection connection) throws SyncFailure {
        String url = connection.setting(AppleConnector.CALENDAR_URL);
        if (url == null) {
            throw SyncFailure.auth("The Apple calendar connection is incomplete; connect Apple Calendar again.");
        }
        return URI.create(url);
    }

    private static String lastSegment(URI href) {
        String path = href.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
